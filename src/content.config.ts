/**
 * The content collections, read from the site's content folder (given by `waymark()`). A site that
 * is only content has no `src/`: `waymark()` points Astro at this file.
 */
import { contentDir } from 'virtual:waymark/config';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ModuleFrontmatterSchema } from './contract/module-schema';
import { PageFrontmatterSchema } from './contract/page-schema';
import { StoryFrontmatterSchema } from './contract/story-schema';

/** `content/modules/<locale>/<module>/index.mdx` (overview) and `<step>.mdx` (steps). */
const modules = defineCollection({
  loader: glob({ pattern: '*/*/*.mdx', base: `${contentDir}/modules` }),
  schema: ModuleFrontmatterSchema,
});

/** `content/pages/<locale>/<page>.mdx`: the words of the home, help and privacy pages. */
const pages = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${contentDir}/pages` }),
  schema: PageFrontmatterSchema,
});

/** `content/stories/<locale>/<story>.mdx`: lived-experience stories (video, audio or text). */
const stories = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${contentDir}/stories` }),
  schema: StoryFrontmatterSchema,
});

export const collections = { modules, pages, stories };
