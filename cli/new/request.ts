/** What the writer asks `npm run new` for, what it gives back, and how it says no. */

export type Kind = 'module' | 'story' | 'locale';

export interface Scaffold {
  kind: Kind;
  /** A module's or story's title, or a language's code. */
  name: string;
  locale?: string | undefined;
  slug?: string | undefined;
  module?: string | undefined;
  label?: string | undefined;
  dir?: string | undefined;
}

export interface Made {
  created: string[];
  changed: string[];
  next: string[];
}

/** A mistake the writer can fix: printed as it is, with no stack trace. */
export class Refusal extends Error {}

/** The words for each kind, typed as an argument or as an answer to "What would you like to make?". */
export const kindWords: Record<string, Kind> = {
  '1': 'module',
  module: 'module',
  m: 'module',
  '2': 'story',
  story: 'story',
  s: 'story',
  '3': 'locale',
  locale: 'locale',
  language: 'locale',
  l: 'locale',
};
