/** `npm run new` with no arguments: what to make, asked one question at a time (or answered through a pipe). */
import { createInterface } from 'node:readline/promises';
import { slugFromTitle } from '../../src/contract/slug.ts';
import { type Content, modulesIn } from './content.ts';
import { defaultDirection, ownName } from './locale.ts';
import { kindWords, Refusal, type Scaffold } from './request.ts';

interface Asker {
  ask(question: string, fallback?: string): Promise<string>;
  close(): void;
}

/** Questions on the terminal, or answers piped in one a line (`printf 'module\nTitle\n' | npm run new`). */
function asker(): Asker {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  rl.on('SIGINT', () => {
    process.stdout.write('\nStopped. Nothing was made.\n');
    process.exit(130);
  });
  // Piped answers can all arrive before the first question, and rl.question() would lose them;
  // the line iterator keeps them until they are asked for.
  const lines = process.stdin.isTTY ? undefined : rl[Symbol.asyncIterator]();
  return {
    async ask(question, fallback = '') {
      const prompt = `${question}${fallback ? ` [${fallback}]` : ''}: `;
      let answer: string;
      if (lines) {
        process.stdout.write(prompt);
        const next = await lines.next();
        answer = next.done ? '' : String(next.value);
        process.stdout.write(`${answer}\n`);
      } else {
        // Ctrl+D closes the terminal's input: stop, as with Ctrl+C.
        answer = await rl.question(prompt).catch(() => {
          throw new Refusal('Stopped. Nothing was made.');
        });
      }
      return answer.trim() || fallback;
    },
    close: () => rl.close(),
  };
}

export async function askForRequest(content: Content): Promise<Scaffold> {
  const questions = asker();
  try {
    console.log('What would you like to make?');
    console.log('  1. A module: a topic, with a few short steps');
    console.log("  2. A story: someone's own experience, in their words");
    console.log('  3. A new language');
    const kind = kindWords[(await questions.ask('Type 1, 2 or 3', '1')).toLowerCase()];
    if (!kind) throw new Refusal('Please type 1, 2 or 3. Nothing was made.');

    if (kind === 'locale') {
      const code = await questions.ask('Language code, like es, fr, ar or pt-BR');
      if (!code) throw new Refusal('No language code was given. Nothing was made.');
      const label = await questions.ask('The name of the language, written in that language', ownName(code));
      const rtl = await questions.ask('Is it written right to left? (yes or no)', defaultDirection(code) === 'rtl' ? 'yes' : 'no');
      return { kind, name: code, label, dir: /^y/i.test(rtl) ? 'rtl' : 'ltr' };
    }

    const title = await questions.ask(kind === 'module' ? 'Title of the module' : 'Title of the story');
    if (!title) throw new Refusal('No title was given. Nothing was made.');
    const locale = await questions.ask(`Language (${content.locales.join(', ')})`, content.site.defaultLocale);
    const slug = await questions.ask('Web address (press Enter to keep this one)', slugFromTitle(title));
    if (kind === 'module') return { kind, name: title, locale, slug };
    const modules = modulesIn(locale);
    if (modules.length) console.log(`The modules: ${modules.join(', ')}`);
    const module = await questions.ask('Which module is it part of? (its name, or press Enter for none)');
    return { kind, name: title, locale, slug, module };
  } finally {
    questions.close();
  }
}
