/**
 * The stories of a locale, from the `stories` collection, with the transcript of each recording
 * read from its captions file at build time.
 */
import { site } from 'virtual:waymark/config';
import { type CollectionEntry, getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Cue, parseVtt } from '../contract/vtt';

export type StoryEntry = CollectionEntry<'stories'>;

export interface Story {
  locale: string;
  /** The file name, which is also the story's address (`going-back-to-the-allotment`). */
  slug: string;
  entry: StoryEntry;
}

// `astro build` runs in the project folder; content-check has already made sure the files exist.
const publicDir = resolve('public');

export async function allStories(): Promise<Story[]> {
  // Stories switched off in site.yaml: no story pages, cards or filters are built.
  if (!site.features.stories) return [];
  const entries = await getCollection('stories');
  return entries
    .map((entry) => {
      const [locale, slug] = entry.id.split('/') as [string, string];
      return { locale, slug, entry };
    })
    .sort((a, b) => a.entry.data.title.localeCompare(b.entry.data.title, a.locale));
}

export async function storiesIn(locale: string): Promise<Story[]> {
  return (await allStories()).filter((story) => story.locale === locale);
}

export async function findStory(locale: string, slug: string): Promise<Story | undefined> {
  return (await storiesIn(locale)).find((story) => story.slug === slug);
}

/** Up to `count` other stories sharing the most themes and modules with `story`. */
export function storiesLike(story: Story, stories: readonly Story[], count = 3): Story[] {
  const { themes, modules } = story.entry.data;
  const score = (other: Story) =>
    other.entry.data.themes.filter((t) => themes.includes(t)).length + 2 * other.entry.data.modules.filter((m) => modules.includes(m)).length;
  return stories
    .filter((other) => other.slug !== story.slug && score(other) > 0)
    .sort((a, b) => score(b) - score(a))
    .slice(0, count);
}

const transcripts = new Map<string, Cue[]>();
/** The cues of a story's captions: the transcript, as text. Empty for text stories. */
export function transcriptOf(story: Story): Cue[] {
  const file = story.entry.data.captions;
  if (!file) return [];
  if (!transcripts.has(file)) transcripts.set(file, parseVtt(readFileSync(resolve(publicDir, file), 'utf8')).cues);
  return transcripts.get(file)!;
}
