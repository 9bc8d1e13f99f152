/**
 * The contract for `content/site.yaml`: who the site is, which languages it speaks and where a
 * person can get help. Every field has a default, so an empty file still builds a safe site.
 */
import { z } from 'astro/zod';
import { contrastRatio, isHexColour } from './colour.ts';
import { FeaturesSchema } from './features.ts';
import { textOnBrand } from './palette.ts';

export { type Features, featureNames } from './features.ts';

/** A language tag such as `en`, `es` or `pt-BR` (BCP 47, the form browsers use). */
export const LocaleCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'is not a language code' });

export const LocaleSchema = z.strictObject({
  /** The language's name, written in that language, for the language switcher ("Español"). */
  label: z.string().min(1),
  /** Writing direction: `ltr` (left to right) or `rtl` (right to left, e.g. Arabic). */
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  /**
   * `false` while no native speaker has checked this translation: its pages then carry a quiet
   * note saying so. Set it to `true` once someone who speaks the language has read every page.
   */
  reviewed: z.boolean().default(true),
});

export const HelpContactSchema = z
  .strictObject({
    /** The service's name, as people know it ("Samaritans"). */
    name: z.string().min(1),
    /** Who it is for, in plain words ("Anyone in the UK or Ireland who is struggling"). */
    for: z.string().default(''),
    /** A phone number to call, written the way people dial it. */
    phone: z.string().min(3).optional(),
    /** A number to send a text message to. */
    text: z.string().min(3).optional(),
    /** The word to send, if the service asks for one ("SHOUT"): its button says "Text SHOUT to 85258". */
    textWord: z.string().min(1).optional(),
    /** A web address for chat or more information; it must start with https://. */
    web: z.url({ protocol: /^https$/, error: 'is not a web address starting with https://' }).optional(),
    /** When it is open ("24 hours, every day"). */
    hours: z.string().default(''),
  })
  .refine((contact) => contact.phone || contact.text || contact.web, {
    error: 'has no way to reach it',
    params: { rule: 'contact-reach' },
  })
  .refine((contact) => !contact.textWord || contact.text, {
    error: 'has a textWord but no text number to send it to',
    params: { rule: 'contact-text-word' },
  });

export const HelpSchema = z.strictObject({
  /** The emergency number where this language's readers live ("999"); empty says "your local emergency number". */
  emergencyNumber: z.string().default(''),
  /** Services a person can contact now, most general first. */
  contacts: z.array(HelpContactSchema).min(1),
});

export const PeerSupportSchema = z.strictObject({
  /** The name of the service's own peer support ("Our peer workers"). */
  name: z.string().min(1),
  /** Where to find it; it must start with https://. */
  web: z.url({ protocol: /^https$/, error: 'is not a web address starting with https://' }),
  /** One plain sentence on what it offers. */
  description: z.string().default(''),
});

const defaultHelp = {
  en: {
    emergencyNumber: '',
    contacts: [
      {
        name: 'Find A Helpline',
        for: 'Anyone, in most countries. It lists free, private helplines near you.',
        web: 'https://findahelpline.com',
        hours: 'Open all the time. Each helpline has its own hours.',
      },
    ],
  },
};

export const LogoSchema = z.strictObject({
  /** A picture in public/, like images/logo.svg: SVG, PNG or WebP, about as tall as a line of text. */
  file: z.string().regex(/^[\w./-]+\.(svg|png|webp)$/, { error: 'is not the name of an SVG, PNG or WebP file in public/' }),
  /** What the logo says, for people who cannot see it. Leave empty if it only repeats the site's name. */
  alt: z.string().default(''),
});

/** WCAG 2.2 AA minimum contrast for normal text. */
export const minimumContrast = 4.5;

export const SiteSchema = z
  .strictObject({
    /** The site's name, shown in the header and the browser tab. Keep it short. */
    name: z.string().min(1).max(40).default('Waymark'),
    /** The name under the icon on a phone's home screen, where about 12 letters fit. The `name` if not set. */
    shortName: z.string().min(1).max(20).optional(),
    /** One sentence on what the site is, for search engines and link previews. */
    description: z.string().min(1).max(200).default('Ways to keep life on track: stories, tools and a plan of your own. Private, free and yours.'),
    /**
     * The site's address on the web, like https://example.org: only its start, with no path (a
     * sub-path is the build's base). With it, pages get canonical links, language alternates and
     * link previews, and the build writes a sitemap. Without it, none of these.
     */
    site: z
      .url({ protocol: /^https?$/, error: 'is not a web address starting with https://' })
      .refine((address) => /^https?:\/\/[^/?#]+\/?$/.test(address), {
        error: 'has more than the start of the address',
        params: { rule: 'site-origin' },
      })
      .transform((address) => new URL(address).origin)
      .optional(),
    /** The language people see first. It must be one of `locales`. */
    defaultLocale: LocaleCodeSchema.default('en'),
    /** Every language the site is written in, keyed by language code. */
    locales: z.record(LocaleCodeSchema, LocaleSchema).default({ en: { label: 'English', dir: 'ltr', reviewed: true } }),
    /** The *Get help now* page's contacts, for each language in `locales`. */
    help: z.record(LocaleCodeSchema, HelpSchema).default(defaultHelp),
    /** The service's own peer support, if it has some; shown on the help page. */
    peerSupport: PeerSupportSchema.optional(),
    /** The service's colour, a hex colour in quotes like "#1f5f7a". White text must be readable on it. */
    brandColour: z
      .string()
      .refine(isHexColour, { error: 'is not a hex colour', params: { rule: 'hex-colour' } })
      .default('#1f5f7a'),
    /** The service's logo, shown before the name in the header. */
    logo: LogoSchema.optional(),
    /**
     * The picture in the browser tab and on a phone's home screen: a square SVG or PNG (512 × 512 or
     * larger) in public/, like images/icon.svg. Without it, Waymark's arrow on your brandColour.
     */
    icon: z
      .string()
      .regex(/^[\w./-]+\.(svg|png)$/, { error: 'is not the name of an SVG or PNG file in public/' })
      .optional(),
    /**
     * The picture a link preview shows when the site's address is shared: a PNG or JPEG in public/,
     * 1200 × 630, like images/share.png. Without it, Waymark's arrow on your brandColour.
     */
    shareImage: z
      .string()
      .regex(/^[\w./-]+\.(png|jpe?g)$/, { error: 'is not the name of a PNG or JPEG file in public/' })
      .optional(),
    /** Switch optional parts off (each is on unless set to false). */
    features: FeaturesSchema.default(FeaturesSchema.parse({})),
    /**
     * Broken links and #parts, pictures without alt text and missing media stop the build (`true`), as
     * they fail `npm run check`. `false` is for drafts: they are reported as warnings and the site builds.
     */
    strict: z.boolean().default(true),
  })
  .superRefine((site, ctx) => {
    if (!(site.defaultLocale in site.locales)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLocale'],
        message: `is "${site.defaultLocale}", which is not one of the locales`,
        params: { rule: 'default-locale', locales: Object.keys(site.locales) },
      });
    }
    for (const locale of Object.keys(site.locales)) {
      if (!(locale in site.help)) {
        ctx.addIssue({
          code: 'custom',
          path: ['help'],
          message: `has no contacts for "${locale}"`,
          params: { rule: 'help-for-locale', locale },
        });
      }
    }
    if (isHexColour(site.brandColour)) {
      const ratio = contrastRatio(site.brandColour, textOnBrand);
      if (ratio < minimumContrast) {
        ctx.addIssue({
          code: 'custom',
          path: ['brandColour'],
          message: `is too light: white text on it has a contrast of ${ratio.toFixed(1)}:1, and it needs ${minimumContrast}:1`,
          params: { rule: 'brand-contrast' },
        });
      }
    }
  });

export type SiteInput = z.input<typeof SiteSchema>;
export type SiteConfig = z.output<typeof SiteSchema>;
export type HelpContact = z.output<typeof HelpContactSchema>;
