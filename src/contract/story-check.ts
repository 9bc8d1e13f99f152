/**
 * Checks `content/stories/<locale>/<story>.mdx` before the build: the frontmatter (see
 * `story-schema.ts`), that every file it names is in `public/`, that its captions can be read,
 * that the modules it names exist, and that every `<Story id="…">` in a module or page names a
 * story. Large recordings give a warning: people pay for data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { FixHints } from './explain.ts';
import { storyHints } from './hints.ts';
import { slugPattern } from './module-schema.ts';
import { lineOfKey, type Problem } from './problems.ts';
import { reservedStoryNames, StoryFrontmatterSchema } from './story-schema.ts';
import { parseVtt } from './vtt.ts';
import { filesIn, foldersIn } from '../integration/built-files.ts';

/** Reads a file's frontmatter and body, checks them against a schema, and reports problems. */
export type FrontmatterReader = <T extends z.ZodType>(file: string, schema: T, hints: FixHints) => z.output<T> | undefined;

/** A recording above this size gets a warning: on a phone plan it costs real money. */
export const largeMediaBytes = 10 * 1024 * 1024;

export interface StoryCheckOptions {
  contentDir: string;
  /** Where `media:`, `poster:` and `captions:` paths point (the site's `public/` folder). */
  publicDir: string;
  locales: readonly string[];
  shown: (file: string) => string;
  problems: Problem[];
  readFrontmatter: FrontmatterReader;
}

/** Checks every story; returns the stories found in each language. */
export function checkStories(options: StoryCheckOptions): Map<string, Set<string>> {
  const { contentDir, locales, shown, problems } = options;
  const dir = join(contentDir, 'stories');
  const storiesByLocale = new Map<string, Set<string>>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) {
        if (name.endsWith('.mdx')) {
          problems.push({
            file: shown(path),
            problem: 'is not in a language folder',
            fix: `Move it to content/stories/<language>/, like content/stories/${locales[0] ?? 'en'}/${name}.`,
            severity: 'error',
          });
        }
        continue;
      }
      if (!locales.includes(name)) {
        problems.push({
          file: shown(path),
          problem: `is a folder for the language "${name}", which is not one of the locales in content/site.yaml`,
          fix: `Add ${name} under locales in content/site.yaml, or rename the folder to one of: ${locales.join(', ')}.`,
          severity: 'error',
        });
      }
      storiesByLocale.set(name, checkLocale(path, name, options));
    }
  }
  checkStoryTags(options, storiesByLocale);
  return storiesByLocale;
}

function checkLocale(dir: string, locale: string, options: StoryCheckOptions): Set<string> {
  const { shown, problems } = options;
  const modules = foldersIn(join(options.contentDir, 'modules', locale));
  const names = new Set<string>();
  for (const fileName of readdirSync(dir).sort()) {
    const file = join(dir, fileName);
    if (fileName.endsWith('.md')) {
      problems.push({
        file: shown(file),
        problem: 'is a .md file; stories are written in .mdx',
        fix: `Rename it to ${fileName.replace(/\.md$/, '.mdx')}.`,
        severity: 'error',
      });
      continue;
    }
    if (!fileName.endsWith('.mdx')) continue;
    const name = fileName.replace(/\.mdx$/, '');
    names.add(name);
    if (!slugPattern.test(name)) {
      problems.push({
        file: shown(file),
        problem: 'has a file name that cannot be part of a web address',
        fix: 'Use only lower-case letters, digits and single dashes, like "going-back-to-the-allotment".',
        severity: 'error',
      });
    }
    if ((reservedStoryNames as readonly string[]).includes(name)) {
      problems.push({
        file: shown(file),
        problem: `is named "${name}", which Waymark uses for the story filters`,
        fix: "Give the file another name, like the story's title in a few words.",
        severity: 'error',
      });
    }
    const schema = StoryFrontmatterSchema.superRefine((story, ctx) => {
      const files: Array<[path: (string | number)[], value: string | undefined]> = [
        [['media'], story.media],
        [['poster', 'src'], story.poster?.src],
        [['captions'], story.captions],
      ];
      for (const [path, value] of files) {
        if (value && !existsSync(join(options.publicDir, value))) {
          ctx.addIssue({ code: 'custom', path, message: `is "${value}", but there is no such file in public/`, params: { rule: 'file-missing' } });
        }
      }
      story.modules.forEach((module, index) => {
        if (!modules.includes(module)) {
          ctx.addIssue({
            code: 'custom',
            path: ['modules', index],
            message: `is "${module}", which is not a module in content/modules/${locale}/`,
            params: { rule: 'story-module', modules },
          });
        }
      });
    });
    const story = options.readFrontmatter(file, schema, storyHints);
    if (!story) continue;
    if (story.captions) checkCaptions(join(options.publicDir, story.captions), options);
    if (story.media) {
      const { size } = statSync(join(options.publicDir, story.media));
      if (size > largeMediaBytes) {
        problems.push({
          file: shown(file),
          line: lineOfKey(file, 'media'),
          field: 'media',
          problem: `is ${(size / 2 ** 20).toFixed(1)} MB, which is large: people pay for data, and on a slow phone it may not play`,
          fix: 'Make it smaller: for speech, 480p video at about 500 kbit/s and mono sound at 64 kbit/s is plenty (see "Stories" in the README). Or split the story into parts.',
          severity: 'warning',
        });
      }
    }
  }
  return names;
}

function checkCaptions(file: string, { shown, problems }: StoryCheckOptions): void {
  const { cues, problems: vttProblems } = parseVtt(readFileSync(file, 'utf8'));
  for (const p of vttProblems) {
    problems.push({
      file: shown(file),
      line: p.line,
      problem: p.problem,
      fix: 'Open the captions in a captioning tool (or a text editor) and save them as WebVTT. See "Stories" in the README for the format.',
      severity: 'error',
    });
  }
  if (vttProblems.length === 0 && cues.length === 0) {
    problems.push({
      file: shown(file),
      problem: 'has no captions in it',
      fix: 'Add a caption for each thing said, like:\n      00:00.000 --> 00:04.000\n      <v Rosa>The words that are said.',
      severity: 'error',
    });
  }
}

/** `<Story id="…">` in modules and pages must name a story in the same language. */
function checkStoryTags({ contentDir, shown, problems }: StoryCheckOptions, storiesByLocale: Map<string, Set<string>>): void {
  for (const area of ['modules', 'pages']) {
    for (const file of filesIn(join(contentDir, area), ['.mdx'])) {
      const locale = file.slice(join(contentDir, area).length + 1).split('/')[0]!;
      const stories = storiesByLocale.get(locale) ?? new Set<string>();
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((text, index) => {
        for (const [tag] of text.matchAll(/<Story\b[^>]*>/g)) {
          const id = /\bid=["']([^"']*)["']/.exec(tag)?.[1];
          if (id !== undefined && stories.has(id)) continue;
          const known = [...stories].join(', ') || 'none yet';
          problems.push({
            file: shown(file),
            line: index + 1,
            problem: id === undefined ? 'uses <Story> without an id' : `uses <Story id="${id}">, but there is no story ${id}.mdx in content/stories/${locale}/`,
            fix: `Give the file name of a story without .mdx, like <Story id="${[...stories][0] ?? 'a-story'}" />. The stories are: ${known}.`,
            severity: 'error',
          });
        }
      });
    }
  }
}
