/**
 * The page's language: its UI strings, its text direction and the addresses of pages in it.
 * The default locale lives at the site's root (`/`); every other one under `/<locale>/`.
 */
import { site, strings } from 'virtual:waymark/config';
import { featureNames, featureStrings } from '../contract/features';

export const locales = Object.keys(site.locales);

/** Route params for the `[...lang]` part of a page's path: `undefined` is the default locale. */
export function langParam(locale: string): string | undefined {
  return locale === site.defaultLocale ? undefined : locale;
}

export function localeOf(lang: string | undefined): string {
  return lang ?? site.defaultLocale;
}

const switchedOff = featureNames.flatMap((feature) => (site.features[feature] ? [] : featureStrings[feature]));

/** Whether a UI string belongs to a feature switched off in site.yaml (and so stays out of pages). */
export function isSwitchedOff(key: string): boolean {
  return switchedOff.some((prefix) => key.startsWith(prefix));
}

/** The UI strings of a locale whose keys start with one of `groups` (`plan`, `tool`…): what an island needs. */
export function stringsIn(locale: string, ...groups: string[]): Record<string, string> {
  const table = strings[locale] ?? strings.en ?? {};
  return Object.fromEntries(Object.entries(table).filter(([key]) => groups.includes(key.split('.')[0]!) && !isSwitchedOff(key)));
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The UI strings of a locale; `{name}` placeholders are filled from `values`, numbers written the locale's way. */
export function translator(locale: string): Translate {
  const table = strings[locale] ?? strings.en ?? {};
  const number = new Intl.NumberFormat(locale);
  return (key, values = {}) => {
    const text = table[key];
    if (text === undefined) throw new Error(`Waymark: the UI string "${key}" is not in content/i18n/en.yaml.`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === 'number' ? number.format(value) : value;
    });
  };
}

export function direction(locale: string): 'ltr' | 'rtl' {
  return site.locales[locale]?.dir ?? 'ltr';
}

/** The address of a page in a locale, under the site's base path, ending in `/`. */
export function pageHref(locale: string, ...segments: string[]): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const parts = [langParam(locale), ...segments].filter(Boolean);
  return parts.length ? `${base}${parts.join('/')}/` : base;
}

/** The address of a file in `public/`, under the site's base path. */
export function assetHref(file: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${file}`;
}

/** The locale of the page at `url`: its first path segment after the base, or the default. */
export function localeOfUrl(url: URL): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const first = url.pathname.startsWith(base) ? url.pathname.slice(base.length).split('/')[0] : undefined;
  return first && first !== site.defaultLocale && locales.includes(first) ? first : site.defaultLocale;
}

/** A list in the words of the locale: "Hope, Who I am and Having a say"; "أ، ب و ج" in Arabic. */
export function listOf(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
