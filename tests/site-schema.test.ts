import { expect, it } from 'vitest';
import { SiteSchema } from '../src/contract/site-schema';
import { ModuleFrontmatterSchema } from '../src/contract/module-schema';

it('an empty site.yaml gives a complete, safe default site', () => {
  const site = SiteSchema.parse({});
  expect(site.name).toBe('Waymark');
  expect(site.defaultLocale).toBe('en');
  expect(site.locales.en).toEqual({ label: 'English', dir: 'ltr', reviewed: true });
  expect(site.help.en?.contacts.length).toBeGreaterThan(0);
  expect(site.brandColour).toMatch(/^#/);
});

it('fills in defaults inside a locale and a contact', () => {
  const site = SiteSchema.parse({
    locales: { ar: { label: 'العربية', dir: 'rtl' }, en: { label: 'English' } },
    help: {
      en: { contacts: [{ name: 'A line', phone: '123' }] },
      ar: { contacts: [{ name: 'خط', web: 'https://example.org' }] },
    },
  });
  expect(site.locales.en?.dir).toBe('ltr');
  expect(site.help.en?.emergencyNumber).toBe('');
  expect(site.help.en?.contacts[0]).toMatchObject({ hours: '', for: '' });
});

it('module frontmatter defaults themes and content notes to empty lists', () => {
  const data = ModuleFrontmatterSchema.parse({ title: 'T', summary: 'S', order: 1, minutes: 3 });
  expect(data.themes).toEqual([]);
  expect(data.contentNotes).toEqual([]);
});
