/**
 * `npm run new -- locale fr`: a new language in site.yaml (keeping its comments), its help contacts
 * copied for now, its four pages, and its interface words when the engine has none in it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { placeholderMarker } from '../../src/contract/placeholder.ts';
import { requiredPages } from '../../src/contract/page-schema.ts';
import { LocaleCodeSchema } from '../../src/contract/site-schema.ts';
import { engineLocales, engineStringsDir, referenceLocale } from '../../src/contract/strings.ts';
import { contentDir } from '../../src/integration/paths.ts';
import { type Content, pageAddress } from './content.ts';
import { inComment, shown, write } from './files.ts';
import { type Made, Refusal, type Scaffold } from './request.ts';

/** Languages written right to left (the first part of the language code). */
const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The language's own name for itself ("español" → "Español"), or the code when unknown. */
export function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    if (name) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // An unusual code: the writer can give the name with --label.
  }
  return code;
}

export function defaultDirection(code: string): 'ltr' | 'rtl' {
  return rightToLeft.has(code.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function makeLocale(request: Scaffold, content: Content): Made {
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
  else if (engineLocales.includes(code))
    made.changed.push(`Waymark already has the words of buttons, menus and labels in ${label}: to change some, write them in ${shown(strings)}`);
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
  if (!isMap(locales) || !isMap(help))
    throw new Refusal('In content/site.yaml, locales and help must each be a list of languages. Run npm run check to see what is wrong.');

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
