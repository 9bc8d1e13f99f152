/**
 * The words of buttons, menus and labels. They ship with the engine, one file per language it has
 * (`src/i18n/strings/<locale>.yaml`); a site's `content/i18n/<locale>.yaml` changes only the keys
 * it wants to, or adds a language of its own in full. `{site}` is the site's name everywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { closest } from './explain.ts';
import type { Problem } from './problems.ts';
import type { SiteConfig } from './site-schema.ts';
import { type ParsedYaml, readYaml, validate } from './yaml.ts';

export type UiStrings = Record<string, string>;

/**
 * Keys whose value is a list of words that name a feature in the language (`featureTerms.qrTransfer:
 * [QR code, QR]`): `npm run check` looks for them in pages when that feature is off. Not interface text.
 */
export const featureTermsPrefix = 'featureTerms.';

/** English is the reference set of keys: every other language is checked against it. */
export const referenceLocale = 'en';

/** The engine's own strings, one file per language it ships. */
export const engineStringsDir = fileURLToPath(new URL('../i18n/strings/', import.meta.url));

/** The languages the engine has words for. */
export const engineLocales = readdirSync(engineStringsDir)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** Text for every key, and a list of words for the `featureTerms.` keys. */
const StringsSchema = z.record(z.string(), z.unknown()).superRefine((table, ctx) => {
  for (const [key, value] of Object.entries(table)) {
    const isList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (key.startsWith(featureTermsPrefix) ? !isList : typeof value !== 'string') {
      ctx.addIssue({ code: 'invalid_type', expected: key.startsWith(featureTermsPrefix) ? 'array' : 'string', input: value, path: [key] });
    }
  }
});
type StringsFile = Record<string, string | string[]>;

/** Only the interface text of a strings file (not its lists of feature terms). */
const textsOf = (table: StringsFile): UiStrings =>
  Object.fromEntries(Object.entries(table).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The line a key of a strings file is on (each key is on a line of its own). */
function lineOfStringKey(yaml: ParsedYaml | undefined, key: string): number | undefined {
  const items = (yaml?.document.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] } }> } | null)?.items;
  const offset = items?.find((item) => item.key?.value === key)?.key?.range?.[0];
  return offset === undefined ? undefined : yaml!.lineCounter.linePos(offset).line + yaml!.lineOffset;
}

/** `{name}` placeholders in a string, each once, sorted. */
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

export function checkStrings(overridesDir: string, site: SiteConfig, shown: (f: string) => string, problems: Problem[]): Record<string, UiStrings> {
  const load = (file: string): { table: StringsFile; yaml?: ParsedYaml } => {
    if (!existsSync(file)) return { table: {} };
    const yaml = readYaml(readFileSync(file, 'utf8'), shown(file), 0, problems);
    if (!yaml) return { table: {} };
    const table = validate(StringsSchema, yaml.data ?? {}, { ...yaml, file: shown(file), hints: {} }, problems) as StringsFile | undefined;
    return { table: table ?? {}, yaml };
  };
  const reference = load(join(engineStringsDir, `${referenceLocale}.yaml`)).table;
  const strings: Record<string, UiStrings> = {};
  for (const locale of new Set([referenceLocale, ...Object.keys(site.locales)])) {
    const file = join(overridesDir, `${locale}.yaml`);
    const engineFile = join(engineStringsDir, `${locale}.yaml`);
    const shippedFile = engineLocales.includes(locale) ? load(engineFile) : { table: {} };
    const shipped = shippedFile.table;
    const overridesFile = load(file);
    const overrides = overridesFile.table;
    // The engine's own translations are held to the same rules as a site's.
    if (locale !== referenceLocale) problems.push(...overrideProblems(shown(engineFile), shippedFile, reference));
    problems.push(...overrideProblems(shown(file), overridesFile, reference));
    const missing = Object.keys(reference).filter((key) => !(key in shipped) && !(key in overrides));
    if (missing.length && locale in site.locales) {
      problems.push({
        file: shown(file),
        problem: `has no translation for ${missing.length} key(s), shown in English for now: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? `, and ${missing.length - 12} more` : ''}`,
        fix: `Add these keys and their words in this language (the English words are in the waymark package, src/i18n/strings/${referenceLocale}.yaml).`,
        severity: 'warning',
      });
    }
    const merged: UiStrings = { ...textsOf(reference), ...textsOf(shipped), ...textsOf(overrides) };
    strings[locale] = Object.fromEntries(Object.entries(merged).map(([key, text]) => [key, text.replaceAll('{site}', site.name)]));
  }
  return strings;
}

/** A site's own words for a language: each key must be one Waymark has, keeping its `{placeholders}`. */
function overrideProblems(file: string, { table, yaml }: { table: StringsFile; yaml?: ParsedYaml }, reference: StringsFile): Problem[] {
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(table)) {
    const line = lineOfStringKey(yaml, key);
    if (!(key in reference)) {
      const meant = closest(key, Object.keys(reference));
      problems.push({
        file,
        line,
        field: key,
        problem: 'is not a key Waymark has',
        fix: meant
          ? `Did you mean ${meant}? Check its spelling, or remove it.`
          : 'Check its spelling against the English words (src/i18n/strings/en.yaml in the waymark package), or remove it.',
        severity: 'error',
      });
      continue;
    }
    const english = reference[key];
    if (typeof text !== 'string' || typeof english !== 'string') continue;
    // `{name}` is filled in by Waymark: a translation must keep exactly the English one's.
    const wanted = placeholders(english);
    const found = placeholders(text);
    const extra = found.filter((name) => !wanted.includes(name));
    const lost = wanted.filter((name) => !found.includes(name));
    if (extra.length || lost.length) {
      problems.push({
        file,
        line,
        field: key,
        problem: extra.length
          ? `has ${extra.join(', ')}, which Waymark does not fill in here, so readers would see it as it is`
          : `leaves out ${lost.join(', ')}, so readers would miss what Waymark fills in there`,
        fix: `Keep exactly these, untranslated: ${wanted.join(', ') || '(none)'} (as in "${english}").`,
        severity: extra.length ? 'error' : 'warning',
      });
    }
  }
  return problems;
}

/**
 * The words that name each feature in a language, for `npm run check`: the English ones, the
 * language's own (shipped with the engine) and the site's (content/i18n/<locale>.yaml) together.
 * Mistakes in these files are reported by `checkStrings`; here a file that cannot be read adds nothing.
 */
export function featureTermsOf(overridesDir: string, locale: string): Record<string, string[]> {
  const files = [join(engineStringsDir, `${referenceLocale}.yaml`), join(engineStringsDir, `${locale}.yaml`), join(overridesDir, `${locale}.yaml`)];
  const terms: Record<string, string[]> = {};
  for (const file of new Set(files)) {
    if (!existsSync(file)) continue;
    let table: unknown;
    try {
      table = parseYaml(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(table && typeof table === 'object' ? table : {})) {
      if (!key.startsWith(featureTermsPrefix) || !Array.isArray(value)) continue;
      const feature = key.slice(featureTermsPrefix.length);
      const words = value.filter((word): word is string => typeof word === 'string' && word.trim() !== '');
      terms[feature] = [...new Set([...(terms[feature] ?? []), ...words])];
    }
  }
  return terms;
}
