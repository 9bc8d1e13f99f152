/**
 * The words of buttons, menus and labels. They ship with the engine, one file per language it has
 * (`src/i18n/strings/<locale>.yaml`); a site's `content/i18n/<locale>.yaml` changes only the keys
 * it wants to, or adds a language of its own in full. `{site}` is the site's name everywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { closest } from './explain.ts';
import type { Problem } from './problems.ts';
import type { SiteConfig } from './site-schema.ts';
import { readYaml, validate } from './yaml.ts';

export type UiStrings = Record<string, string>;

/** English is the reference set of keys: every other language is checked against it. */
export const referenceLocale = 'en';

/** The engine's own strings, one file per language it ships. */
export const engineStringsDir = fileURLToPath(new URL('../i18n/strings/', import.meta.url));

/** The languages the engine has words for. */
export const engineLocales = readdirSync(engineStringsDir)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

const StringsSchema = z.record(z.string(), z.string());

/** `{name}` placeholders in a string, each once, sorted. */
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

export function checkStrings(overridesDir: string, site: SiteConfig, shown: (f: string) => string, problems: Problem[]): Record<string, UiStrings> {
  const load = (file: string): UiStrings | undefined => {
    if (!existsSync(file)) return undefined;
    const yaml = readYaml(readFileSync(file, 'utf8'), shown(file), 0, problems);
    if (!yaml) return undefined;
    return validate(StringsSchema, yaml.data ?? {}, { ...yaml, file: shown(file), hints: {} }, problems);
  };
  const reference = load(join(engineStringsDir, `${referenceLocale}.yaml`)) ?? {};
  const strings: Record<string, UiStrings> = {};
  for (const locale of new Set([referenceLocale, ...Object.keys(site.locales)])) {
    const file = join(overridesDir, `${locale}.yaml`);
    const shipped = engineLocales.includes(locale) ? (load(join(engineStringsDir, `${locale}.yaml`)) ?? {}) : {};
    const overrides = load(file) ?? {};
    problems.push(...overrideProblems(shown(file), overrides, reference));
    const missing = Object.keys(reference).filter((key) => !(key in shipped) && !(key in overrides));
    if (missing.length && locale in site.locales) {
      problems.push({
        file: shown(file),
        problem: `has no translation for ${missing.length} key(s), shown in English for now: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? `, and ${missing.length - 12} more` : ''}`,
        fix: `Add these keys and their words in this language (the English words are in the waymark package, src/i18n/strings/${referenceLocale}.yaml).`,
        severity: 'warning',
      });
    }
    const merged: UiStrings = { ...reference, ...shipped, ...overrides };
    strings[locale] = Object.fromEntries(Object.entries(merged).map(([key, text]) => [key, text.replaceAll('{site}', site.name)]));
  }
  return strings;
}

/** A site's own words for a language: each key must be one Waymark has, keeping its `{placeholders}`. */
function overrideProblems(file: string, overrides: UiStrings, reference: UiStrings): Problem[] {
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(overrides)) {
    if (!(key in reference)) {
      const meant = closest(key, Object.keys(reference));
      problems.push({
        file,
        field: key,
        problem: 'is not a key Waymark has',
        fix: meant
          ? `Did you mean ${meant}? Check its spelling, or remove it.`
          : 'Check its spelling against the English words (src/i18n/strings/en.yaml in the waymark package), or remove it.',
        severity: 'error',
      });
      continue;
    }
    // `{name}` is filled in by Waymark: a translation must keep exactly the English one's.
    const wanted = placeholders(reference[key]!);
    const found = placeholders(text);
    const extra = found.filter((name) => !wanted.includes(name));
    const lost = wanted.filter((name) => !found.includes(name));
    if (extra.length || lost.length) {
      problems.push({
        file,
        field: key,
        problem: extra.length
          ? `has ${extra.join(', ')}, which Waymark does not fill in here, so readers would see it as it is`
          : `leaves out ${lost.join(', ')}, so readers would miss what Waymark fills in there`,
        fix: `Keep exactly these, untranslated: ${wanted.join(', ') || '(none)'} (as in "${reference[key]}").`,
        severity: extra.length ? 'error' : 'warning',
      });
    }
  }
  return problems;
}
