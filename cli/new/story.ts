/** `npm run new -- story "Title"`: a text story, put where its module's template kept a place for it. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderMarker } from '../../src/contract/placeholder.ts';
import { reservedStoryNames } from '../../src/contract/story-schema.ts';
import { contentDir } from '../../src/integration/paths.ts';
import { checkLocale, checkTitle, chooseSlug, type Content, modulesIn, orderOf, pageAddress } from './content.ts';
import { fill, shown, write } from './files.ts';
import { type Made, Refusal, type Scaffold } from './request.ts';

/** The line the module template leaves where its story goes (first-step.mdx). */
const storyPlaceholder = /^\{\/\* Write here: a story, early in the module\..*\*\/\}[ \t]*$/m;

export function makeStory(request: Scaffold, content: Content): Made {
  const title = checkTitle(request.name);
  const locale = checkLocale(request.locale, content);
  const slug = chooseSlug(title, request.slug, 'story');
  if ((reservedStoryNames as readonly string[]).includes(slug)) {
    throw new Refusal(`"${slug}" is a name Waymark uses for its story lists. Choose another with --slug, like --slug ${slug}-story`);
  }
  const file = join(contentDir, 'stories', locale, `${slug}.mdx`);
  if (existsSync(file)) {
    throw new Refusal(`There is already a story at ${shown(file)}.\n  Give the new one another title, or choose its web address with --slug another-name.`);
  }
  if (content.toolIds.has(`story-${slug}`)) {
    throw new Refusal(`A tool already uses the id "story-${slug}", which this story's reflection would need. Choose another web address with --slug.`);
  }
  const module = request.module?.trim() || undefined;
  const modules = modulesIn(locale);
  if (module && !modules.includes(module)) {
    throw new Refusal(
      `There is no module "${module}" in ${shown(join(contentDir, 'modules', locale))}.\n  The modules are: ${modules.join(', ') || 'none yet'}.`,
    );
  }
  const made: Made = { created: [], changed: [], next: [] };
  write(file, fill('story.mdx', { title: JSON.stringify(title), slug, locale, modules: module ?? '' }), made);

  // Put the story where the module's template left a place for it.
  let placed: string | undefined;
  if (module) {
    const moduleDir = join(contentDir, 'modules', locale, module);
    const steps = readdirSync(moduleDir)
      .filter((name) => name.endsWith('.mdx'))
      .sort((a, b) => (a === 'index.mdx' ? -1 : b === 'index.mdx' ? 1 : orderOf(join(moduleDir, a)) - orderOf(join(moduleDir, b))));
    for (const step of steps) {
      const path = join(moduleDir, step);
      const text = readFileSync(path, 'utf8');
      if (!storyPlaceholder.test(text)) continue;
      writeFileSync(path, text.replace(storyPlaceholder, `<Story id="${slug}" />`));
      made.changed.push(`${shown(path)} (the story now shows there)`);
      placed = path;
      break;
    }
  }
  made.next = [
    `Open ${shown(file)} and write the story, in the teller's own words. Replace each "${placeholderMarker}" note with your own words.`,
    'Before it goes online, check the teller has agreed to it (see "Real stories: consent" in ADAPTING.md).',
    module && !placed
      ? `Show it in a step of the module: add the line <Story id="${slug}" /> to a file in ${shown(join(contentDir, 'modules', locale, module))}/.`
      : module
        ? ''
        : `To show it in a module, add its folder name to modules: in the story, and the line <Story id="${slug}" /> to a step.`,
    'For a video or audio story, follow the notes at the top of the story file.',
    `Run npm run dev, and open ${pageAddress(locale, content, 'stories', slug)} to see it.`,
    'Run npm run check. It lists anything that still needs fixing.',
  ].filter(Boolean);
  return made;
}
