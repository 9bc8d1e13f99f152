/** How to fix each field, in the words a person editing `content/` would use. */
import type { FixHints } from './explain';
import { chimeThemes } from './module-schema';
import { minimumContrast } from './site-schema';

export const siteHints: FixHints = {
  name: 'Give the site a short name in quotes, like: name: "Keeping Well".',
  description: 'Write one sentence on what the site is, in quotes.',
  defaultLocale: (issue) => {
    const locales = (issue as { params?: { locales?: string[] } }).params?.locales;
    return locales?.length
      ? `Set it to one of the languages under locales: ${locales.join(', ')}. Or add it to locales.`
      : 'Write a language code, like: defaultLocale: en.';
  },
  '*': 'Check the spelling of this setting against the default content/site.yaml.',
  'locales.*': 'Give each language a label and a direction, like:\n      en:\n        label: English\n        dir: ltr',
  'locales.*.label': 'Write the language\'s name in that language, like: label: "Español".',
  'locales.*.dir': 'Use dir: ltr for left-to-right languages, or dir: rtl for Arabic, Hebrew, Persian or Urdu.',
  'help.*.contacts': 'Add at least one contact under contacts, with a name and a phone, text or web address.',
  'help.*.contacts.*.name': 'Add the service\'s name, like: name: "Samaritans".',
  'help.*.contacts.*.web': 'Write the full address, starting with https://, like: web: "https://www.samaritans.org".',
  'help.*.contacts.*.phone': 'Write the number in quotes the way people dial it, like: phone: "116 123".',
  'help.*.contacts.*.text': 'Write the number in quotes, like: text: "85258".',
  'peerSupport.web': 'Write the full address, starting with https://.',
  'rule:contact-reach': 'Add at least one of phone:, text: or web: to this contact.',
  'rule:help-for-locale': 'Add a section under help: for this language with at least one contact, so people who read it can find help.',
  'rule:hex-colour': 'Write # and six hex digits, in quotes, like: brandColour: "#1f5f7a".',
  'rule:brand-contrast': `Pick a darker colour. White text on it needs a contrast of at least ${minimumContrast}:1 (try a contrast checker).`,
};

export const moduleHints: FixHints = {
  title: 'Add a short title in quotes, like: title: "Noticing what helps".',
  summary: 'Add one or two sentences on what this page is about, like: summary: "What hope can look like."',
  order: 'Write a whole number without quotes, like: order: 2. Steps are shown in this order.',
  minutes: 'Write about how many minutes it takes, as a whole number without quotes, like: minutes: 5.',
  themes: `Write a list of CHIME themes, like: themes: [hope, connectedness]. The themes are: ${chimeThemes.join(', ')}.`,
  contentNotes: 'Write a list of short notes in quotes, like: contentNotes: ["talks about a stay in hospital"].',
};

export const pageHints: FixHints = {
  title: 'Add a short title in quotes, like: title: "Your privacy".',
  summary: 'Add one sentence on what this page is about.',
};
