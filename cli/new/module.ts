/** `npm run new -- module "Title"`: a module folder with an overview and two steps, from cli/templates/module/. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderMarker } from '../../src/contract/placeholder.ts';
import { contentDir } from '../../src/integration/paths.ts';
import { checkLocale, checkTitle, chooseSlug, type Content, freeId, modulesIn, orderOf, pageAddress } from './content.ts';
import { fill, inComment, shown, write } from './files.ts';
import { type Made, Refusal, type Scaffold } from './request.ts';

export function makeModule(request: Scaffold, content: Content): Made {
  const title = checkTitle(request.name);
  const locale = checkLocale(request.locale, content);
  const slug = chooseSlug(title, request.slug, 'module');
  const dir = join(contentDir, 'modules', locale, slug);
  if (existsSync(dir)) {
    throw new Refusal(`There is already a module at ${shown(dir)}.\n  Give the new one another title, or choose its web address with --slug another-name.`);
  }
  const order = Math.max(0, ...modulesIn(locale).map((name) => orderOf(join(contentDir, 'modules', locale, name, 'index.mdx')))) + 1;
  const values = {
    title: JSON.stringify(title),
    plainTitle: inComment(title),
    slug,
    order: String(order),
    reflectionId: freeId(`${slug}-reflection`, content.toolIds),
    checklistId: freeId(`${slug}-checklist`, content.toolIds),
  };
  const made: Made = { created: [], changed: [], next: [] };
  const overview = join(dir, 'index.mdx');
  write(overview, fill('module/index.mdx', values), made);
  write(join(dir, 'first-step.mdx'), fill('module/first-step.mdx', values), made);
  write(join(dir, 'second-step.mdx'), fill('module/second-step.mdx', values), made);
  const localeOption = locale === content.site.defaultLocale ? '' : ` --locale ${locale}`;
  // A translation keeps the original's file names and tool ids: copying the folder does that.
  const original = content.locales.find((other) => other !== locale && existsSync(join(contentDir, 'modules', other, slug)));
  made.next = [
    original
      ? `If this is a translation of ${shown(join(contentDir, 'modules', original, slug))}, delete ${shown(dir)} and copy that folder here instead: it keeps the same addresses and tool ids, so people's answers follow them between languages.`
      : '',
    `Open ${shown(overview)} and write the summary and the first few lines.`,
    `Then write the two steps, ${shown(join(dir, 'first-step.mdx'))} and second-step.mdx. Replace each "${placeholderMarker}" note with your own words.`,
    `Add a story, early in the module: npm run new -- story "Its title"${localeOption} --module ${slug}`,
    `Run npm run dev, and open ${pageAddress(locale, content, 'modules', slug)} to see it as you write.`,
    'Run npm run check. It lists anything that still needs fixing, and any "Write here:" lines left.',
  ].filter(Boolean);
  return made;
}
