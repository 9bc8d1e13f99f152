/** How to fix each field, in the words a person editing `content/` would use. */
import type { FixHints } from './explain.ts';
import { chimeThemes } from './module-schema.ts';
import { minimumContrast } from './site-schema.ts';

export const siteHints: FixHints = {
  name: 'Give the site a short name in quotes, like: name: "Keeping Well".',
  description: 'Write one sentence on what the site is, in quotes.',
  site: 'Write the start of the address where the site is published, in quotes, like: site: "https://example.org". A sub-path goes in the build\'s base (npm run build -- --base /waymark/).',
  'rule:site-origin':
    'Write only the start of the address, like: site: "https://example.org". A sub-path goes in the build\'s base (npm run build -- --base /waymark/).',
  shareImage: 'Write where the picture is in public/, like: shareImage: images/share.png (a PNG or JPEG, 1200 × 630).',
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
  'help.*.contacts.*.textWord': 'Write the word people send, like: textWord: SHOUT. Leave it out if any message will do.',
  'peerSupport.web': 'Write the full address, starting with https://.',
  'rule:contact-reach': 'Add at least one of phone:, text: or web: to this contact.',
  'rule:contact-text-word': 'Add the number the word is sent to, like: text: "85258". Or take out textWord:.',
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

const mediaPath = 'Paths start after public/, like: media/stories/rosa.mp4.';
export const storyHints: FixHints = {
  title: 'Add a short title in quotes, like: title: "Going back to the allotment".',
  summary: 'Add one or two sentences on what happens in the story, in quotes.',
  teller: 'Write a first name or a made-up name, in quotes, like: teller: "Rosa". Never a full name.',
  media: `Write where the recording is in public/. ${mediaPath}`,
  captions: `Write where the captions (.vtt) are in public/, like: captions: media/stories/rosa.vtt.`,
  poster: 'Add a picture and words saying what it shows, like:\n      poster:\n        src: media/stories/rosa.jpg\n        alt: "A garden plot in the rain"',
  'poster.src': `Write where the picture is in public/, like: src: media/stories/rosa.jpg.`,
  'poster.alt': 'Add words that say what the picture shows, for people who cannot see it, like: alt: "A garden plot in the rain".',
  duration: 'Write how long the recording is as minutes:seconds, in quotes, like: duration: "2:30".',
  themes: `Write a list of CHIME themes, like: themes: [hope, connectedness]. The themes are: ${chimeThemes.join(', ')}.`,
  modules: 'Write a list of module folder names, like: modules: [hope-and-recovery].',
  contentNotes: 'Write a list of short notes in quotes, like: contentNotes: ["talks about a stay in hospital"].',
  composite: "Write composite: true for a story written from many people's experiences, or composite: false.",
  demonstration: 'Write demonstration: true only when the recording is a computer voice showing the format.',
  'rule:media-required': `Add a line like: media: media/stories/rosa.mp4, with the file in public/media/stories/. Or make it a text story: kind: text.`,
  'rule:captions-required':
    'Put a WebVTT captions file in public/media/stories/ and add a line like: captions: media/stories/rosa.vtt. "Stories" in the README shows how to make one.',
  'rule:duration-required': 'Add a line like: duration: "2:30" (minutes:seconds, in quotes).',
  'rule:duration': 'Write it as minutes:seconds, in quotes, like: duration: "2:30".',
  'rule:poster-required':
    'Add a picture and words saying what it shows, like:\n      poster:\n        src: media/stories/rosa.jpg\n        alt: "A garden plot in the rain"',
  'rule:media-type-video': 'Use an .mp4 file (H.264 video with AAC sound plays in every browser), or .webm.',
  'rule:media-type-audio': 'Use an .mp3 file (it plays in every browser), or .m4a, .ogg, .opus or .webm.',
  'rule:captions-vtt': 'Save the captions as WebVTT (.vtt). Most captioning tools can; "Stories" in the README shows how to turn a .srt file into one.',
  'rule:public-file': `Save the file in public/media/stories/ and write where it is. ${mediaPath}`,
  'rule:file-missing': `Put the file in public/ at that place, or correct the path. ${mediaPath}`,
  'rule:story-module': (issue) => {
    const modules = (issue as { params?: { modules?: string[] } }).params?.modules ?? [];
    return modules.length
      ? `Use the folder name of a module in this language: ${modules.join(', ')}.`
      : 'There are no modules in this language yet: remove the line, or add the module first.';
  },
};
