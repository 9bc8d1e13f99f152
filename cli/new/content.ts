/** What the content holds now, and the names a new module or story is checked against. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/contract/load.ts';
import { slugPattern } from '../../src/contract/module-schema.ts';
import { slugFromTitle } from '../../src/contract/slug.ts';
import { foldersIn } from '../../src/integration/built-files.ts';
import { contentDir } from '../../src/integration/paths.ts';
import { Refusal } from './request.ts';

export function readContent() {
  const report = checkContent(contentDir);
  const { site } = report;
  return {
    site,
    locales: Object.keys(site.locales),
    toolIds: new Set(report.tools.map((tool) => tool.id)),
    siteYamlBroken: report.problems.some((p) => p.severity === 'error' && p.file.endsWith('site.yaml')),
  };
}
export type Content = ReturnType<typeof readContent>;

export const modulesIn = (locale: string) => foldersIn(join(contentDir, 'modules', locale));

export function orderOf(file: string): number {
  if (!existsSync(file)) return 0;
  return Number(/^order:\s*(\d+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
}

export function pageAddress(locale: string, content: Content, ...parts: string[]): string {
  const prefix = locale === content.site.defaultLocale ? [] : [locale];
  return `http://127.0.0.1:4321/${[...prefix, ...parts].join('/')}/`;
}

// ---------------------------------------------------------------- checks shared by module and story

export function checkTitle(title: string): string {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new Refusal('The title is empty. Give one in quotes, like: npm run new -- module "Coping with money worries"');
  if (trimmed.length > 80) throw new Refusal(`The title is ${trimmed.length} characters long, and the most is 80. Try a shorter one: a few plain words.`);
  return trimmed;
}

export function checkLocale(locale: string | undefined, content: Content): string {
  const chosen = locale?.trim() || content.site.defaultLocale;
  if (!content.locales.includes(chosen)) {
    throw new Refusal(
      `"${chosen}" is not one of the site's languages (${content.locales.join(', ')}).\n` + `  Add it first with: npm run new -- locale ${chosen}`,
    );
  }
  return chosen;
}

export function chooseSlug(title: string, slug: string | undefined, what: string): string {
  const chosen = slug?.trim() || slugFromTitle(title);
  if (!chosen) {
    throw new Refusal(
      `Waymark cannot make a web address from "${title}" (it needs letters a to z or digits).\n` +
        `  Choose one with --slug, like: --slug ${what === 'module' ? 'coping-with-money' : 'finding-the-quiet'}`,
    );
  }
  if (!slugPattern.test(chosen)) {
    throw new Refusal(`"${chosen}" cannot be a web address. Use only lower-case letters, digits and single dashes, like "coping-with-money".`);
  }
  return chosen;
}

/** An id no tool uses yet: `base`, or `base-2`, `base-3`… */
export function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
