/**
 * `npm run new`: starts a new module, story or language from the templates in cli/templates/,
 * ready to fill in, or a whole new site for a service. Every line the writer should replace starts
 * with "Write here:" (src/contract/placeholder.ts). What it makes builds and passes the content
 * checks as it is.
 *
 *   npm run new                                            asks what to make, one question at a time
 *   npm run new -- module "Coping with money worries"      content/modules/<language>/<name>/
 *   npm run new -- story "Finding the quiet"               content/stories/<language>/<name>.mdx
 *   npm run new -- locale es                               a new language: site.yaml, i18n, pages
 *   npm run new -- site ../riverside                       a site of its own, content only (new-site.ts)
 *
 * Options: --locale <code> (the language of a module or story), --slug <name> (the web address),
 * --module <name> (the module a story belongs to), --label <name> and --dir ltr|rtl (a language),
 * --minimal and --name <name> (a site). Each kind is made in cli/new/ (a site in cli/new-site.ts).
 * It writes into content/, or WAYMARK_CONTENT; it never overwrites a file.
 */
import { parseArgs } from 'node:util';
import { readContent } from './new/content.ts';
import { makeLocale } from './new/locale.ts';
import { makeModule } from './new/module.ts';
import { askForRequest } from './new/prompts.ts';
import { kindWords, type Made, Refusal, type Scaffold } from './new/request.ts';
import { makeSite, type SiteRequest } from './new-site.ts';
import { makeStory } from './new/story.ts';

const usage = `Start a new module, story or language, ready to fill in; or a new site.

  npm run new                                         asks you what to make
  npm run new -- module "Coping with money worries"   a module with two steps
  npm run new -- story "Finding the quiet"            a story, as text (notes inside say how to add a recording)
  npm run new -- locale es                            a new language
  npm run new -- site ../my-site                      a new site for a service: its content only, with Waymark installed by npm

Options:
  --locale en      the language of the new module or story (the site's first language if left out)
  --slug name      the web address, if you want another than the one made from the title
  --module name    for a story: the module it belongs to (its folder name)
  --label Español  for a language: its name, written in that language
  --dir rtl        for a language: rtl if it is written right to left, ltr if not
  --minimal        for a site: a small English-only site to build on, instead of a copy of Waymark's own content
  --name "Riverside Recovery"   for a site: its name (made from the folder's name if left out)`;

function requestFromArguments(args: string[]): Scaffold | SiteRequest | 'ask' | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      locale: { type: 'string' },
      slug: { type: 'string' },
      module: { type: 'string' },
      label: { type: 'string' },
      dir: { type: 'string' },
      minimal: { type: 'boolean' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) return 'ask';
  const [what = '', ...rest] = positionals;
  if (what.toLowerCase() === 'site') {
    const folder = rest.join(' ');
    if (!folder) throw new Refusal('Say which folder to make the site in, like: npm run new -- site ../riverside-recovery');
    return { kind: 'site', folder, minimal: values.minimal ?? false, name: values.name };
  }
  const kind = kindWords[what.toLowerCase()];
  if (!kind || /^\d$/.test(what))
    throw new Refusal(`"${what}" is not something npm run new can make. It can make a module, a story, a locale or a site.\n\n${usage}`);
  const name = rest.join(' ');
  if (!name) {
    throw new Refusal(
      kind === 'locale'
        ? 'Say which language, like: npm run new -- locale es'
        : `Give the ${kind}'s title in quotes, like: npm run new -- ${kind} "${kind === 'module' ? 'Coping with money worries' : 'Finding the quiet'}"`,
    );
  }
  return { kind, name, locale: values.locale, slug: values.slug, module: values.module, label: values.label, dir: values.dir };
}

function report(made: Made, what: string): void {
  console.log(`\nDone: Waymark made ${what}.`);
  if (made.created.length) console.log(`\nNew files:\n${made.created.map((f) => `  ${f}`).join('\n')}`);
  if (made.changed.length) console.log(`\nChanged:\n${made.changed.map((f) => `  ${f}`).join('\n')}`);
  console.log(`\nWhat to do next:\n${made.next.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}`);
}

async function main(args: string[]): Promise<number> {
  try {
    const parsed = requestFromArguments(args);
    if (parsed === 'help') {
      console.log(usage);
      return 0;
    }
    if (parsed !== 'ask' && parsed.kind === 'site') {
      const site = makeSite(parsed);
      report(site.made, `the site "${site.name}"`);
      return 0;
    }
    const content = readContent();
    const request = parsed === 'ask' ? await askForRequest(content) : parsed;
    const makers = { module: makeModule, story: makeStory, locale: makeLocale };
    const what = request.kind === 'locale' ? `the language "${request.name}"` : `the ${request.kind} "${request.name.trim()}"`;
    report(makers[request.kind](request, content), what);
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(`\n${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      const option = /'(-[^' ]*)/.exec(error.message)?.[1];
      console.error(`\n${option ? `"${option}" is not an option npm run new knows, or it needs a value after it.` : error.message}\n\n${usage}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
