/**
 * The contract for a lived-experience story: `content/stories/<locale>/<story>.mdx`. A story is a
 * video, an audio recording or a text; recordings need captions (WebVTT), which are also turned
 * into the transcript on the page. Files (`media`, `poster.src`, `captions`) are paths in `public/`.
 */
import { z } from 'astro/zod';
import { chimeThemes } from './module-schema.ts';

export const storyKinds = ['video', 'audio', 'text'] as const;
export type StoryKind = (typeof storyKinds)[number];

/** The file types a browser can play, by file ending, with the type the `<source>` element needs. */
export const mediaTypes = {
  video: { mp4: 'video/mp4', webm: 'video/webm' },
  audio: { mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', opus: 'audio/ogg', webm: 'audio/webm' },
} as const satisfies Record<Exclude<StoryKind, 'text'>, Record<string, string>>;

const offSite = /^(https?:)?\/\//i;
/** A file in `public/`, written without a leading slash (one is allowed and dropped). */
const publicFile = z
  .string()
  .min(1)
  .refine((path) => !offSite.test(path), { error: 'points to another website, which would tell that website who is watching', params: { rule: 'public-file' } })
  .transform((path) => path.replace(/^\/+/, ''));

export const StoryFrontmatterSchema = z
  .strictObject({
    /** The story's heading: short, plain words ("Going back to the allotment"). */
    title: z.string().min(1).max(80),
    /** One or two sentences on what happens in it, shown on cards and in search. */
    summary: z.string().min(1).max(240),
    /** Who tells it: a first name or a pseudonym, never a full name. */
    teller: z.string().min(1).max(40),
    /** `video`, `audio` or `text`. */
    kind: z.enum(storyKinds),
    /** The recording, in public/ (`media/stories/rosa.mp4`). Needed for video and audio. */
    media: publicFile.optional(),
    /** A still picture shown before a video plays, with words for people who cannot see it. */
    poster: z.strictObject({ src: publicFile, alt: z.string().min(1).max(200) }).optional(),
    /** Captions as a WebVTT file in public/ (`media/stories/rosa.vtt`); also the transcript. */
    captions: publicFile.optional(),
    /** How long the recording is, as minutes:seconds ("2:30"). */
    duration: z
      .string()
      .refine((text) => /^\d{1,3}:[0-5]\d$/.test(text), { error: 'is not written as minutes:seconds', params: { rule: 'duration' } })
      .optional(),
    /** The CHIME recovery themes it speaks to. */
    themes: z.array(z.enum(chimeThemes)).default([]),
    /** The modules it belongs to, by folder name (`hope-and-recovery`). */
    modules: z.array(z.string().min(1)).default([]),
    /** Short, factual notes on anything heavy it talks about ("talks about a stay in hospital"). */
    contentNotes: z.array(z.string().min(1)).default([]),
    /** True for a story written from many people's experiences (the default stories are). */
    composite: z.boolean().default(false),
    /** True when the recording is a computer voice reading the story, to show the format. */
    demonstration: z.boolean().default(false),
  })
  .superRefine((story, ctx) => {
    if (story.kind === 'text') return;
    const aKind = story.kind === 'audio' ? 'an audio' : 'a video';
    const need = (path: 'media' | 'captions' | 'duration', message: string, rule: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { rule } });
    if (!story.media) need('media', `is missing: ${aKind} story needs its recording`, 'media-required');
    if (!story.captions) {
      need('captions', `is missing: ${aKind} story needs captions, so people who cannot hear it can follow it`, 'captions-required');
    }
    if (!story.duration) need('duration', 'is missing: people like to know how long a recording is before they start', 'duration-required');
    if (story.kind === 'video' && !story.poster) {
      ctx.addIssue({
        code: 'custom',
        path: ['poster'],
        message: 'is missing: a video story needs a still picture to show before it plays',
        params: { rule: 'poster-required' },
      });
    }
    const ending = story.media?.split('.').at(-1)?.toLowerCase() ?? '';
    if (story.media && !(ending in mediaTypes[story.kind])) {
      ctx.addIssue({
        code: 'custom',
        path: ['media'],
        message: `is a .${ending} file, which is not ${aKind} file every browser can play`,
        params: { rule: `media-type-${story.kind}` },
      });
    }
    if (story.captions && !story.captions.toLowerCase().endsWith('.vtt')) {
      ctx.addIssue({ code: 'custom', path: ['captions'], message: 'is not a WebVTT file (.vtt)', params: { rule: 'captions-vtt' } });
    }
  });

export type StoryFrontmatter = z.output<typeof StoryFrontmatterSchema>;

/** The `<source type>` of a story's recording. */
export function mediaType(story: StoryFrontmatter): string | undefined {
  if (story.kind === 'text' || !story.media) return undefined;
  const ending = story.media.split('.').at(-1)!.toLowerCase();
  return (mediaTypes[story.kind] as Record<string, string>)[ending];
}

/** Story names that would clash with the filtered index pages (`/stories/theme/hope/`). */
export const reservedStoryNames = ['theme', 'module'] as const;
