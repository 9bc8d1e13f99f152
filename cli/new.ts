/**
 * `npm run new`: starts a new module, story or language from the templates in cli/templates/,
 * ready to fill in. Every line the writer should replace starts with "Write here:"
 * (src/contract/placeholder.ts). What it makes builds and passes the content checks as it is.
 *
 *   npm run new                                            asks what to make, one question at a time
 *   npm run new -- module "Coping with money worries"      content/modules/<language>/<name>/
 *   npm run new -- story "Finding the quiet"               content/stories/<language>/<name>.mdx
 *   npm run new -- locale es                               a new language: site.yaml, i18n, pages
 *
 * Options: --locale <code> (the language of a module or story), --slug <name> (the web address),
 * --module <name> (the module a story belongs to), --label <name> and --dir ltr|rtl (a language).
 * It writes into content/, or WAYMARK_CONTENT; it never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { checkContent } from '../src/contract/load.ts';
import { engineLocales, engineStringsDir, referenceLocale } from '../src/contract/strings.ts';
import { slugPattern } from '../src/contract/module-schema.ts';
import { requiredPages } from '../src/contract/page-schema.ts';
import { foldersIn } from '../src/integration/built-files.ts';
import { contentDir } from '../src/integration/paths.ts';
import { placeholderMarker } from '../src/contract/placeholder.ts';
import { LocaleCodeSchema } from '../src/contract/site-schema.ts';
import { slugFromTitle } from '../src/contract/slug.ts';
import { reservedStoryNames } from '../src/contract/story-schema.ts';

const templates = fileURLToPath(new URL('./templates/', import.meta.url));
/** Paths as the writer sees them: from the project folder when inside it. */
const shown = (path: string) => {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') ? fromHere : path;
};

/** A mistake the writer can fix: printed as it is, with no stack trace. */
class Refusal extends Error {}

/** Languages written right to left (the first part of the language code). */
const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

type Kind = 'module' | 'story' | 'locale';

interface Scaffold {
  kind: Kind;
  /** A module's or story's title, or a language's code. */
  name: string;
  locale?: string | undefined;
  slug?: string | undefined;
  module?: string | undefined;
  label?: string | undefined;
  dir?: string | undefined;
}

interface Made {
  created: string[];
  changed: string[];
  next: string[];
}

const usage = `Start a new module, story or language, ready to fill in.

  npm run new                                         asks you what to make
  npm run new -- module "Coping with money worries"   a module with two steps
  npm run new -- story "Finding the quiet"            a story, as text (notes inside say how to add a recording)
  npm run new -- locale es                            a new language

Options:
  --locale en      the language of the new module or story (the site's first language if left out)
  --slug name      the web address, if you want another than the one made from the title
  --module name    for a story: the module it belongs to (its folder name)
  --label Español  for a language: its name, written in that language
  --dir rtl        for a language: rtl if it is written right to left, ltr if not`;

// ---------------------------------------------------------------- what the content holds now

function readContent() {
  const report = checkContent(contentDir);
  const { site } = report;
  return {
    site,
    locales: Object.keys(site.locales),
    toolIds: new Set(report.tools.map((tool) => tool.id)),
    siteYamlBroken: report.problems.some((p) => p.severity === 'error' && p.file.endsWith('site.yaml')),
  };
}
type Content = ReturnType<typeof readContent>;

const modulesIn = (locale: string) => foldersIn(join(contentDir, 'modules', locale));

function orderOf(file: string): number {
  if (!existsSync(file)) return 0;
  return Number(/^order:\s*(\d+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
}

// ---------------------------------------------------------------- checks shared by module and story

function checkTitle(title: string): string {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new Refusal('The title is empty. Give one in quotes, like: npm run new -- module "Coping with money worries"');
  if (trimmed.length > 80) throw new Refusal(`The title is ${trimmed.length} characters long, and the most is 80. Try a shorter one: a few plain words.`);
  return trimmed;
}

function checkLocale(locale: string | undefined, content: Content): string {
  const chosen = locale?.trim() || content.site.defaultLocale;
  if (!content.locales.includes(chosen)) {
    throw new Refusal(
      `"${chosen}" is not one of the site's languages (${content.locales.join(', ')}).\n` +
        `  Add it first with: npm run new -- locale ${chosen}`,
    );
  }
  return chosen;
}

function chooseSlug(title: string, slug: string | undefined, what: string): string {
  const chosen = slug?.trim() || slugFromTitle(title);
  if (!chosen) {
    throw new Refusal(
      `Waymark cannot make a web address from "${title}" (it needs letters a to z or digits).\n` +
        `  Choose one with --slug, like: --slug ${what === 'module' ? 'coping-with-money' : 'finding-the-quiet'}`,
    );
  }
  if (!slugPattern.test(chosen)) {
    throw new Refusal(`"${chosen}" cannot be a web address. Use only lower-case letters, digits and single dashes, like "coping-with-money".`);
  }
  return chosen;
}

/** An id no tool uses yet: `base`, or `base-2`, `base-3`… */
function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function fill(template: string, values: Record<string, string>): string {
  const text = readFileSync(join(templates, template), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`cli/templates/${template} uses {{${name}}}, which new.ts does not fill in`);
    return value;
  });
}

/** A title inside an MDX comment: nothing in it may end the comment. */
const inComment = (title: string) => title.replaceAll('*/', '* /');

function write(path: string, text: string, made: Made): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' }); // never overwrite
  made.created.push(shown(path));
}

function pageAddress(locale: string, content: Content, ...parts: string[]): string {
  const prefix = locale === content.site.defaultLocale ? [] : [locale];
  return `http://127.0.0.1:4321/${[...prefix, ...parts].join('/')}/`;
}

// ---------------------------------------------------------------- module

function makeModule(request: Scaffold, content: Content): Made {
  const title = checkTitle(request.name);
  const locale = checkLocale(request.locale, content);
  const slug = chooseSlug(title, request.slug, 'module');
  const dir = join(contentDir, 'modules', locale, slug);
  if (existsSync(dir)) {
    throw new Refusal(`There is already a module at ${shown(dir)}.\n  Give the new one another title, or choose its web address with --slug another-name.`);
  }
  const order = Math.max(0, ...modulesIn(locale).map((name) => orderOf(join(contentDir, 'modules', locale, name, 'index.mdx')))) + 1;
  const values = {
    title: JSON.stringify(title),
    plainTitle: inComment(title),
    slug,
    order: String(order),
    reflectionId: freeId(`${slug}-reflection`, content.toolIds),
    checklistId: freeId(`${slug}-checklist`, content.toolIds),
  };
  const made: Made = { created: [], changed: [], next: [] };
  const overview = join(dir, 'index.mdx');
  write(overview, fill('module/index.mdx', values), made);
  write(join(dir, 'first-step.mdx'), fill('module/first-step.mdx', values), made);
  write(join(dir, 'second-step.mdx'), fill('module/second-step.mdx', values), made);
  const localeOption = locale === content.site.defaultLocale ? '' : ` --locale ${locale}`;
  // A translation keeps the original's file names and tool ids: copying the folder does that.
  const original = content.locales.find((other) => other !== locale && existsSync(join(contentDir, 'modules', other, slug)));
  made.next = [
    original
      ? `If this is a translation of ${shown(join(contentDir, 'modules', original, slug))}, delete ${shown(dir)} and copy that folder here instead: it keeps the same addresses and tool ids, so people's answers follow them between languages.`
      : '',
    `Open ${shown(overview)} and write the summary and the first few lines.`,
    `Then write the two steps, ${shown(join(dir, 'first-step.mdx'))} and second-step.mdx. Replace each "${placeholderMarker}" note with your own words.`,
    `Add a story, early in the module: npm run new -- story "Its title"${localeOption} --module ${slug}`,
    `Run npm run dev, and open ${pageAddress(locale, content, 'modules', slug)} to see it as you write.`,
    'Run npm run check. It lists anything that still needs fixing, and any "Write here:" lines left.',
  ].filter(Boolean);
  return made;
}

// ---------------------------------------------------------------- story

/** The line the module template leaves where its story goes (first-step.mdx). */
const storyPlaceholder = /^\{\/\* Write here: a story, early in the module\..*\*\/\}[ \t]*$/m;

function makeStory(request: Scaffold, content: Content): Made {
  const title = checkTitle(request.name);
  const locale = checkLocale(request.locale, content);
  const slug = chooseSlug(title, request.slug, 'story');
  if ((reservedStoryNames as readonly string[]).includes(slug)) {
    throw new Refusal(`"${slug}" is a name Waymark uses for its story lists. Choose another with --slug, like --slug ${slug}-story`);
  }
  const file = join(contentDir, 'stories', locale, `${slug}.mdx`);
  if (existsSync(file)) {
    throw new Refusal(`There is already a story at ${shown(file)}.\n  Give the new one another title, or choose its web address with --slug another-name.`);
  }
  if (content.toolIds.has(`story-${slug}`)) {
    throw new Refusal(`A tool already uses the id "story-${slug}", which this story's reflection would need. Choose another web address with --slug.`);
  }
  const module = request.module?.trim() || undefined;
  const modules = modulesIn(locale);
  if (module && !modules.includes(module)) {
    throw new Refusal(`There is no module "${module}" in ${shown(join(contentDir, 'modules', locale))}.\n  The modules are: ${modules.join(', ') || 'none yet'}.`);
  }
  const made: Made = { created: [], changed: [], next: [] };
  write(file, fill('story.mdx', { title: JSON.stringify(title), slug, locale, modules: module ?? '' }), made);

  // Put the story where the module's template left a place for it.
  let placed: string | undefined;
  if (module) {
    const moduleDir = join(contentDir, 'modules', locale, module);
    const steps = readdirSync(moduleDir)
      .filter((name) => name.endsWith('.mdx'))
      .sort((a, b) => (a === 'index.mdx' ? -1 : b === 'index.mdx' ? 1 : orderOf(join(moduleDir, a)) - orderOf(join(moduleDir, b))));
    for (const step of steps) {
      const path = join(moduleDir, step);
      const text = readFileSync(path, 'utf8');
      if (!storyPlaceholder.test(text)) continue;
      writeFileSync(path, text.replace(storyPlaceholder, `<Story id="${slug}" />`));
      made.changed.push(`${shown(path)} (the story now shows there)`);
      placed = path;
      break;
    }
  }
  made.next = [
    `Open ${shown(file)} and write the story, in the teller's own words. Replace each "${placeholderMarker}" note with your own words.`,
    'Before it goes online, check the teller has agreed to it (see "Real stories: consent" in ADAPTING.md).',
    module && !placed
      ? `Show it in a step of the module: add the line <Story id="${slug}" /> to a file in ${shown(join(contentDir, 'modules', locale, module))}/.`
      : module
        ? ''
        : `To show it in a module, add its folder name to modules: in the story, and the line <Story id="${slug}" /> to a step.`,
    'For a video or audio story, follow the notes at the top of the story file.',
    `Run npm run dev, and open ${pageAddress(locale, content, 'stories', slug)} to see it.`,
    'Run npm run check. It lists anything that still needs fixing.',
  ].filter(Boolean);
  return made;
}

// ---------------------------------------------------------------- locale

/** The language's own name for itself ("español" → "Español"), or the code when unknown. */
function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    if (name) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // An unusual code: the writer can give the name with --label.
  }
  return code;
}

function defaultDirection(code: string): 'ltr' | 'rtl' {
  return rightToLeft.has(code.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

function makeLocale(request: Scaffold, content: Content): Made {
  const code = request.name.trim();
  if (!LocaleCodeSchema.safeParse(code).success) {
    throw new Refusal(`"${code}" is not a language code. Use a short code in lower case, like es, fr, ar or pt-BR.`);
  }
  if (content.locales.includes(code)) throw new Refusal(`"${code}" is already one of the site's languages in content/site.yaml.`);
  const dir = request.dir?.trim() || defaultDirection(code);
  if (dir !== 'ltr' && dir !== 'rtl') throw new Refusal(`--dir is "${dir}": use ltr (left to right) or rtl (right to left).`);
  const label = request.label?.trim() || ownName(code);
  const from = content.site.defaultLocale;
  const fromLabel = content.site.locales[from]?.label ?? from;

  const siteFile = join(contentDir, 'site.yaml');
  const siteText = existsSync(siteFile) ? readFileSync(siteFile, 'utf8') : '';
  const doc = parseDocument(siteText);
  if (doc.errors.length || content.siteYamlBroken) {
    throw new Refusal(`${shown(siteFile)} has a mistake in it. Run npm run check, fix what it says, then try again.`);
  }
  const english = join(engineStringsDir, `${referenceLocale}.yaml`);
  const pagesFrom = requiredPages.map((page) => join(contentDir, 'pages', from, `${page}.mdx`));
  for (const needed of [english, ...pagesFrom]) {
    if (!existsSync(needed)) throw new Refusal(`${shown(needed)} is missing, and the new language is copied from it. Run npm run check to see what to do.`);
  }
  addLocaleToSite(doc, code, { label, dir, from, fromLabel }, content);

  // Everything is ready: now write, never over a file that is already there.
  const made: Made = { created: [], changed: [], next: [] };
  writeFileSync(siteFile, doc.toString({ lineWidth: 0 }));
  made.changed.push(`${shown(siteFile)} (the language, and help contacts copied from ${fromLabel})`);

  const strings = join(contentDir, 'i18n', `${code}.yaml`);
  if (existsSync(strings)) made.changed.push(`${shown(strings)} was already there: left as it is`);
  else if (engineLocales.includes(code)) made.changed.push(`Waymark already has the words of buttons, menus and labels in ${label}: to change some, write them in ${shown(strings)}`);
  else {
    const keys = readFileSync(english, 'utf8').replace(/^(#.*\n)+\n?/, '');
    const header = [
      `# The words of Waymark's buttons, menus and labels, in ${label} (${code}).`,
      `# ${placeholderMarker} translate every value below from English into ${label}, then delete this line.`,
      '# Keep the part before each colon (the key) as it is, and keep {name} parts as they are.',
      '# A key left out is shown in English.',
      '',
    ].join('\n');
    write(strings, `${header}\n${keys}`, made);
  }
  requiredPages.forEach((page, index) => {
    const target = join(contentDir, 'pages', code, `${page}.mdx`);
    if (existsSync(target)) {
      made.changed.push(`${shown(target)} was already there: left as it is`);
      return;
    }
    const source = readFileSync(pagesFrom[index]!, 'utf8');
    const note = `{/* ${placeholderMarker} translate this page into ${label}. It is a copy of the ${inComment(fromLabel)} page. Then delete this line. */}\n`;
    write(target, source.replace(/^(---\r?\n[\s\S]*?\r?\n---\r?\n)\n?/, `$1\n${note}\n`), made);
  });
  made.next = [
    ...(engineLocales.includes(code) ? [] : [`Translate ${shown(strings)}: the words of buttons, menus and labels.`]),
    `Translate the four pages in ${shown(join(contentDir, 'pages', code))}/.`,
    `In ${shown(siteFile)}, under help: ${code}:, put help contacts for the people who read ${label}. They are copied from ${fromLabel} for now.`,
    `Translate modules and stories: copy a folder from ${shown(join(contentDir, 'modules', from))}/ to ${shown(join(contentDir, 'modules', code))}/, keep its name, and translate the words. Stories go in ${shown(join(contentDir, 'stories', code))}/.`,
    `When someone who speaks ${label} well has read every page, change reviewed: false to reviewed: true for ${code} in ${shown(siteFile)}.`,
    `Run npm run dev, and open ${pageAddress(code, content)} to see it.`,
    'Run npm run check. It lists anything that still needs fixing.',
  ];
  return made;
}

function addLocaleToSite(
  doc: Document,
  code: string,
  { label, dir, from, fromLabel }: { label: string; dir: string; from: string; fromLabel: string },
  content: Content,
): void {
  // A site.yaml that leaves out locales or help is using the defaults: write them out first.
  if (!doc.has('locales')) doc.set('locales', doc.createNode(content.site.locales));
  if (!doc.has('help')) doc.set('help', doc.createNode(content.site.help));
  const locales = doc.get('locales', true);
  const help = doc.get('help', true);
  if (!isMap(locales) || !isMap(help)) throw new Refusal('In content/site.yaml, locales and help must each be a list of languages. Run npm run check to see what is wrong.');

  const entry = doc.createPair(code, { label, dir, reviewed: false });
  const reviewed = isMap(entry.value) ? entry.value.items.find((pair) => isScalar(pair.key) && pair.key.value === 'reviewed') : undefined;
  if (reviewed && isScalar(reviewed.key)) {
    reviewed.key.commentBefore = ' No native speaker has checked this translation yet: its pages say so. Set to true once one has.';
  }
  locales.items.push(entry);

  const fromHelp = doc.getIn(['help', from], true);
  const copied = isMap(fromHelp) ? fromHelp.clone() : doc.createNode(content.site.help[from]);
  const helpEntry = doc.createPair(code, copied);
  const key = helpEntry.key as { commentBefore?: string; spaceBefore?: boolean };
  key.spaceBefore = true;
  key.commentBefore = ` ${placeholderMarker} help contacts for people who read ${label}. These are copied from ${fromLabel}:\n check each one, replace them with your own, then delete this line.`;
  help.items.push(helpEntry);
}

// ---------------------------------------------------------------- asking questions

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

const kindWords: Record<string, Kind> = {
  '1': 'module', module: 'module', m: 'module',
  '2': 'story', story: 'story', s: 'story',
  '3': 'locale', locale: 'locale', language: 'locale', l: 'locale',
};

async function askForRequest(content: Content): Promise<Scaffold> {
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

// ---------------------------------------------------------------- the command

function requestFromArguments(args: string[]): Scaffold | 'ask' | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      locale: { type: 'string' },
      slug: { type: 'string' },
      module: { type: 'string' },
      label: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) return 'ask';
  const [what = '', ...rest] = positionals;
  const kind = kindWords[what.toLowerCase()];
  if (!kind || /^\d$/.test(what)) throw new Refusal(`"${what}" is not something npm run new can make. It can make a module, a story or a locale.\n\n${usage}`);
  const name = rest.join(' ');
  if (!name) {
    throw new Refusal(
      kind === 'locale' ? 'Say which language, like: npm run new -- locale es' : `Give the ${kind}'s title in quotes, like: npm run new -- ${kind} "${kind === 'module' ? 'Coping with money worries' : 'Finding the quiet'}"`,
    );
  }
  return { kind, name, locale: values.locale, slug: values.slug, module: values.module, label: values.label, dir: values.dir };
}

function report(made: Made, request: Scaffold): void {
  const what = request.kind === 'locale' ? `the language "${request.name}"` : `the ${request.kind} "${request.name.trim()}"`;
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
    const content = readContent();
    const request = parsed === 'ask' ? await askForRequest(content) : parsed;
    const makers = { module: makeModule, story: makeStory, locale: makeLocale };
    report(makers[request.kind](request, content), request);
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
