/**
 * The UI strings of every language against English, the reference set of keys: a missing key is
 * shown in English with a warning that lists it; an unknown key is an error; `{placeholders}` must
 * match. And the shipped translations are complete.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../src/contract/load';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

let content: ContentFixture;
beforeEach(() => {
  content = copyDefaultContent();
});
afterEach(() => content.cleanUp());

const check = () => checkContent(content.dir, content.dir.replace(/\/content$/, ''));

describe('translations of the UI strings', () => {
  it('a missing key falls back to English, with a warning listing the keys', () => {
    content.edit('i18n/es.yaml', /^search\.nav: .*\n/m, '');
    content.edit('i18n/es.yaml', /^listen\.stop: .*\n/m, '');
    const { strings, problems } = check();
    expect(strings.es!['search.nav']).toBe('Search');
    expect(strings.es!['listen.button']).toBe('Escuchar');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(content.report()).toContain(
      'content/i18n/es.yaml\n  ! has no translation for 2 key(s), shown in English for now: search.nav, listen.stop.',
    );
  });

  it('a whole language file missing: every key in English, one warning', () => {
    content.remove('i18n/ar.yaml');
    const { strings, problems } = check();
    expect(strings.ar!['help.link']).toBe('Get help now');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('warning');
  });

  it('an unknown key is an error that suggests the key meant', () => {
    content.edit('i18n/es.yaml', /^search\.nav:/m, 'search.nva:');
    expect(content.report()).toContain(
      'search.nva is not a key in content/i18n/en.yaml.\n    How to fix: Did you mean search.nav?',
    );
    expect(check().problems.some((p) => p.severity === 'error' && p.field === 'search.nva')).toBe(true);
  });

  it('a placeholder translated by mistake is an error; one left out is a warning', () => {
    content.edit('i18n/es.yaml', /^step\.progress: .*$/m, 'step.progress: "Paso {actual} de {total}"');
    content.edit('i18n/es.yaml', /^search\.count: .*$/m, 'search.count: "Resultados"');
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

describe('the shipped translations', () => {
  const keys = (locale: string) => Object.keys(parse(readFileSync(`content/i18n/${locale}.yaml`, 'utf8')) as object).sort();

  for (const locale of ['es', 'ar']) {
    it(`${locale} has every English key, and no other`, () => {
      expect(keys(locale)).toEqual(keys('en'));
    });
  }

  it('the default content has no translation problems at all', () => {
    const { problems } = checkContent('content');
    expect(problems.filter((p) => p.file.includes('i18n'))).toEqual([]);
  });
});
