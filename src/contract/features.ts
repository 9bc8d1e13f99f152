/**
 * The optional parts of Waymark: the one place a feature switch is defined. `site.yaml`'s
 * `features` is checked against this schema; pages read `site.features`, browser code imports the
 * same switches as constants from `virtual:waymark/features` (so what is off is dropped from its
 * bundle), and a switched-off feature's strings stay out of the pages.
 */
import { z } from 'astro/zod';

/** Each on unless switched off. A part switched off leaves no trace: its pages, buttons and code are left out. */
export const FeaturesSchema = z.strictObject({
  /** Together mode: the header switch, notes for workers, the worker guide and "End the session". */
  together: z.boolean().default(true),
  /** Lived-experience stories: the Stories pages, story cards in modules, and the link in the menu. */
  stories: z.boolean().default(true),
  /** The <CheckIn> tool (how are you today, 0-10 or in words) and its chart on My plan. */
  checkIns: z.boolean().default(true),
  /** Taking your words to your own phone with a QR code, at the end of a session. */
  qrTransfer: z.boolean().default(true),
  /** "Remind me": a calendar file to come back to Waymark, on My plan. */
  reminders: z.boolean().default(true),
  /** Listen: reading pages and questions aloud with the browser's own voice. */
  listen: z.boolean().default(true),
});
export type Features = z.output<typeof FeaturesSchema>;
export const featureNames = Object.keys(FeaturesSchema.shape) as (keyof Features)[];

/** The interface strings of each feature, by key prefix: not sent to the browser when it is off. */
export const featureStrings: Record<keyof Features, readonly string[]> = {
  together: ['together.'],
  stories: ['story.'],
  checkIns: ['checkin.'],
  qrTransfer: ['end.qr', 'bring.'],
  reminders: ['reminder.', 'day.'],
  listen: ['listen.'],
};
