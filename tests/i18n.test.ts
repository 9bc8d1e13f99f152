/**
 * The interface strings: the engine ships them for every language it has, and a site changes only
 * the keys it wants to (content/i18n/<locale>.yaml) or adds a language of its own. An unknown key
 * is an error with a did-you-mean, a missing one is shown in English with a warning listing it,
 * `{placeholders}` must match, and `{site}` is the site's own name everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../src/contract/load';
import { engineLocales, engineStringsDir, featureTermsOf } from '../src/contract/strings';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

let content: ContentFixture;
beforeEach(() => {
  content = copyDefaultContent();
});
afterEach(() => content.cleanUp());

const check = () => checkContent(content.dir, content.dir.replace(/\/content$/, ''));

/** Adds French to the site's languages (the engine has no French words of its own). */
function addFrench(strings: string) {
  content.edit('site.yaml', /^locales:\n/m, 'locales:\n  fr:\n    label: Français\n');
  content.edit('site.yaml', /^help:\n/m, 'help:\n  fr:\n    contacts:\n      - name: SOS Amitié\n        phone: "09 72 39 40 50"\n');
  content.write('i18n/fr.yaml', strings);
  for (const page of ['home', 'help', 'privacy', 'together']) {
    content.write(`pages/fr/${page}.mdx`, `---\ntitle: "${page}"\nsummary: "Une page."\n---\n\nBonjour.\n`);
  }
}

describe("a site's own words", () => {
  it('an override changes only its key; the rest come from the engine, with the site name in them', () => {
    content.edit('site.yaml', /^name: .*$/m, 'name: Riverside Recovery');
    content.write('i18n/en.yaml', 'help.link: Help, now\n');
    content.write('i18n/es.yaml', 'help.link: Ayuda, ya\n');
    const { strings, problems } = check();
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(strings.en!['help.link']).toBe('Help, now');
    expect(strings.es!['help.link']).toBe('Ayuda, ya');
    expect(strings.es!['nav.home']).toBe('Inicio');
    expect(strings.en!['help.notCrisis']).toBe('Riverside Recovery is not a crisis service. No one reads what you write here.');
    for (const table of Object.values(strings)) {
      expect(Object.values(table).filter((text) => text.includes('Waymark') || text.includes('{site}'))).toEqual([]);
    }
  });

  it('a new language: a missing key falls back to English, with a warning listing the keys', () => {
    addFrench('nav.home: Accueil\nhelp.link: Aide immédiate\n');
    const { strings, problems } = check();
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(strings.fr!['nav.home']).toBe('Accueil');
    expect(strings.fr!['search.nav']).toBe('Search');
    expect(content.report()).toMatch(
      /content\/i18n\/fr\.yaml\n {2}! has no translation for \d+ key\(s\), shown in English for now: skip\.toContent, nav\.label, /,
    );
  });

  it('an unknown key is an error that suggests the key meant', () => {
    content.write('i18n/es.yaml', 'search.nva: Buscar\n');
    expect(content.report()).toContain('search.nva is not a key Waymark has.\n    How to fix: Did you mean search.nav?');
    expect(check().problems.some((p) => p.severity === 'error' && p.field === 'search.nva')).toBe(true);
  });

  it('each mistake in a strings file is reported with its line, and a misspelt key with the key meant', () => {
    content.write(
      'i18n/es.yaml',
      ['nav.home: Inicio', 'search.nva: Buscar', 'step.progress: "Paso {actual} de {total}"', 'featureTerms.qrTrasfer: ["código QR"]'].join('\n'),
    );
    const report = content.report();
    expect(report).toContain('line 2: search.nva is not a key Waymark has.\n    How to fix: Did you mean search.nav?');
    expect(report).toContain('line 3: step.progress has {actual}');
    expect(report).toContain('line 4: featureTerms.qrTrasfer is not a key Waymark has.\n    How to fix: Did you mean featureTerms.qrTransfer?');
  });

  it('a value of the wrong kind is reported with its line: text for words, a list for feature terms', () => {
    content.write('i18n/en.yaml', 'nav.home: Home\nhelp.link: 12\nfeatureTerms.listen: Listen button\n');
    const report = content.report();
    expect(report).toContain('line 2: help.link should be text, but it is the number 12.');
    expect(report).toContain('line 3: featureTerms.listen should be a list, but it is the text "Listen button".');
  });

  it("a site's feature terms add to the engine's, and are not interface text", () => {
    content.write('i18n/en.yaml', 'featureTerms.qrTransfer: ["scan code"]\n');
    const { strings, problems } = check();
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(Object.keys(strings.en!).filter((key) => key.startsWith('featureTerms.'))).toEqual([]);
    expect(featureTermsOf(join(content.dir, 'i18n'), 'en').qrTransfer).toEqual(['QR code', 'QR', 'scan code']);
    expect(featureTermsOf(join(content.dir, 'i18n'), 'es').qrTransfer).toEqual(['QR code', 'QR', 'código QR']);
  });

  it('a placeholder translated by mistake is an error; one left out is a warning', () => {
    content.write('i18n/es.yaml', 'step.progress: "Paso {actual} de {total}"\nsearch.count: "Resultados"\n');
    const { problems } = check();
    const progress = problems.find((p) => p.field === 'step.progress')!;
    expect(progress.severity).toBe('error');
    expect(progress.problem).toContain('{actual}');
    expect(progress.fix).toContain('{current}, {total}');
    const count = problems.find((p) => p.field === 'search.count')!;
    expect(count.severity).toBe('warning');
    expect(count.problem).toContain('{count}, {query}');
  });
});

describe("the engine's own words", () => {
  const table = (locale: string) => parse(readFileSync(join(engineStringsDir, `${locale}.yaml`), 'utf8')) as Record<string, string | string[]>;
  // A feature's terms are a list of words, not text: they have no placeholders.
  const placeholders = (text: string | string[]) => (Array.isArray(text) ? [] : [...new Set(text.match(/\{\w+\}/g) ?? [])].sort());
  const english = table('en');

  it('ships English, Spanish and Arabic', () => {
    expect(engineLocales.sort()).toEqual(['ar', 'en', 'es']);
  });

  for (const locale of engineLocales.filter((code) => code !== 'en')) {
    it(`${locale} has every English key and no other, each with the same {placeholders}`, () => {
      const words = table(locale);
      expect(Object.keys(words).sort()).toEqual(Object.keys(english).sort());
      const differ = Object.keys(english).filter((key) => placeholders(words[key]!).join() !== placeholders(english[key]!).join());
      expect(differ).toEqual([]);
    });
  }

  it('never names Waymark where the site name belongs', () => {
    for (const locale of engineLocales) expect(Object.values(table(locale)).filter((text) => String(text).includes('Waymark'))).toEqual([]);
  });

  it('the default content has no translation problems at all', () => {
    const { problems } = checkContent('content');
    expect(problems.filter((p) => p.file.includes('i18n'))).toEqual([]);
  });
});
