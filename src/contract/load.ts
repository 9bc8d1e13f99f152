/**
 * Reads and checks everything in `content/` before Astro builds a page: `site.yaml`, the UI
 * strings and every module's and page's frontmatter. The build stops on any error, with the file,
 * the line, the field, what is wrong and how to fix it (see `problems.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import type { FixHints } from './explain.ts';
import { storiesModule } from '../mdx/vocabulary.ts';
import type { ToolDefinition } from '../tools/tool.ts';
import { checkMdxBody, type ToolUse } from './mdx-check.ts';
import { moduleHints, pageHints, siteHints } from './hints.ts';
import { ModuleFrontmatterSchema, slugPattern } from './module-schema.ts';
import { PageFrontmatterSchema, requiredPages } from './page-schema.ts';
import { placeholderLines, placeholderMarker } from './placeholder.ts';
import { lineOfKey, type Problem } from './problems.ts';
import { SiteSchema, type SiteConfig } from './site-schema.ts';
import { checkStrings, referenceLocale, type UiStrings } from './strings.ts';
import { readYaml, validate } from './yaml.ts';
import { duplicateToolProblems, toolDefinition } from './tool-check.ts';
import { checkStories } from './story-check.ts';

export type { UiStrings };

export interface ContentReport {
  site: SiteConfig;
  /** UI strings per locale, with English filled in where a translation is missing. */
  strings: Record<string, UiStrings>;
  /** Every tool placed in a module, in every language. */
  tools: ToolDefinition[];
  problems: Problem[];
}

/** `publicDir` is where stories' media are: the site's `public/`, by default next to `content/`. */
export function checkContent(contentDir: string, projectRoot = process.cwd(), publicDir = join(contentDir, '..', 'public')): ContentReport {
  const shown = (file: string) => relative(projectRoot, file) || file;
  const problems: Problem[] = [];
  const site = checkSite(join(contentDir, 'site.yaml'), shown, problems);
  problems.push(...sitePictureProblems(site, join(contentDir, 'site.yaml'), publicDir, shown));
  // With a mistake in site.yaml its languages are unknown: then every language folder is taken as
  // meant, so the report shows the one real mistake and not one more per folder.
  const siteFailed = problems.some((problem) => problem.severity === 'error');
  const locales = siteFailed ? [...new Set([...Object.keys(site.locales), ...languageFolders(contentDir)])] : Object.keys(site.locales);
  const strings = checkStrings(join(contentDir, 'i18n'), site, shown, problems);
  const tools = checkModules(join(contentDir, 'modules'), locales, shown, problems);
  checkPages(join(contentDir, 'pages'), site, shown, problems);
  const readFrontmatter = <T extends z.ZodType>(file: string, schema: T, hints: FixHints) => checkMdxFile(file, schema, hints, shown, problems).data;
  const stories = checkStories({ contentDir, publicDir, locales, shown, problems, readFrontmatter });
  problems.push(...duplicateToolProblems(tools));
  const storyTools = site.features.stories ? [...stories].flatMap(([locale, slugs]) => [...slugs].map((slug) => storyReflection(locale, slug, strings))) : [];
  // Check-ins switched off in site.yaml: their tools are left out of the pages and of My plan.
  const hiddenCheckIns = site.features.checkIns ? [] : tools.filter((tool) => tool.kind === 'checkin');
  if (hiddenCheckIns.length) {
    problems.push({
      file: shown(join(contentDir, 'site.yaml')),
      field: 'features.checkIns',
      problem: `is false, so ${hiddenCheckIns.length} <CheckIn> tool(s) are not shown (in ${[...new Set(hiddenCheckIns.map((tool) => tool.file))].join(', ')})`,
      fix: 'Nothing to do if you meant it. To show them, remove checkIns: false; or take the <CheckIn> tags out of those pages.',
      severity: 'warning',
    });
  }
  const shownTools = tools.filter((tool) => !hiddenCheckIns.includes(tool)).map(({ file, line, ...tool }) => tool);
  return { site, strings, tools: [...shownTools, ...storyTools], problems };
}

function checkSite(file: string, shown: (f: string) => string, problems: Problem[]): SiteConfig {
  const fallback = SiteSchema.parse({});
  if (!existsSync(file)) return fallback;
  const yaml = readYaml(readFileSync(file, 'utf8'), shown(file), 0, problems);
  if (!yaml) return fallback;
  return validate(SiteSchema, yaml.data ?? {}, { ...yaml, file: shown(file), hints: siteHints }, problems) ?? fallback;
}

/** The logo, the icon and the share picture are files in public/: one that is not there would show as a broken picture. */
function sitePictureProblems(site: SiteConfig, siteFile: string, publicDir: string, shown: (f: string) => string): Problem[] {
  // [the setting's line, the field in words, the file]
  const pictures: [string, string, string | undefined][] = [
    ['logo', 'logo → file', site.logo?.file],
    ['icon', 'icon', site.icon],
    ['shareImage', 'shareImage', site.shareImage],
  ];
  return pictures.flatMap(([key, field, file]) =>
    file && !existsSync(join(publicDir, file))
      ? [
          {
            file: shown(siteFile),
            line: lineOfKey(siteFile, key),
            field,
            problem: `is "${file}", but there is no such file in ${shown(publicDir)}/`,
            fix: `Put the picture at ${shown(join(publicDir, file))}, or correct the name (it is written from inside public/, without a / at the start).`,
            severity: 'error' as const,
          },
        ]
      : [],
  );
}

type PlacedTool = ToolDefinition & { file: string; line: number | undefined };

/** The language folders under modules/ and stories/. */
function languageFolders(contentDir: string): string[] {
  return ['modules', 'stories'].flatMap((kind) => {
    const dir = join(contentDir, kind);
    return existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
      : [];
  });
}

function checkModules(dir: string, locales: readonly string[], shown: (f: string) => string, problems: Problem[]): PlacedTool[] {
  const tools: PlacedTool[] = [];
  for (const localeDir of subfolders(dir, shown, problems)) {
    const locale = localeDir.name;
    if (!locales.includes(locale)) {
      problems.push({
        file: shown(localeDir.path),
        problem: `is a folder for the language "${locale}", which is not one of the locales in content/site.yaml`,
        fix: `Add ${locale} under locales in content/site.yaml, or rename the folder to one of: ${locales.join(', ')}.`,
        severity: 'error',
      });
    }
    for (const moduleDir of subfolders(localeDir.path, shown, problems)) {
      tools.push(...checkModule(moduleDir.path, locale, shown, problems));
    }
  }
  return tools;
}

function checkModule(dir: string, locale: string, shown: (f: string) => string, problems: Problem[]): PlacedTool[] {
  const tools: PlacedTool[] = [];
  const name = dir.split('/').at(-1)!;
  if (!slugPattern.test(name)) problems.push(badName(shown(dir), 'folder'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'));
  if (!files.includes('index.mdx')) {
    problems.push({
      file: shown(dir),
      problem: 'has no index.mdx, the overview page of the module',
      fix: `Add ${shown(join(dir, 'index.mdx'))} with a title, summary, order and minutes.`,
      severity: 'error',
    });
  }
  const stepOrders = new Map<number, string>();
  for (const fileName of files) {
    const file = join(dir, fileName);
    if (fileName.endsWith('.md')) {
      problems.push({
        file: shown(file),
        problem: 'is a .md file; modules are written in .mdx',
        fix: `Rename it to ${fileName.replace(/\.md$/, '.mdx')}.`,
        severity: 'error',
      });
      continue;
    }
    if (!slugPattern.test(fileName.replace(/\.mdx$/, ''))) problems.push(badName(shown(file), 'file'));
    const { data, toolUses } = checkMdxFile(file, ModuleFrontmatterSchema, moduleHints, shown, problems);
    const place = { file: shown(file), locale, module: name, step: fileName.replace(/\.mdx$/, '') };
    for (const use of toolUses) {
      const tool = toolDefinition(use, place, problems);
      if (tool) tools.push({ ...tool, file: place.file, line: use.line });
    }
    if (!data || fileName === 'index.mdx') continue;
    const sameOrder = stepOrders.get(data.order);
    if (sameOrder) {
      problems.push({
        file: shown(file),
        field: 'order',
        problem: `is ${data.order}, the same as ${sameOrder}, so Waymark cannot tell which step comes first`,
        fix: 'Give each step in the module its own order number (1, 2, 3…).',
        severity: 'error',
      });
    }
    stepOrders.set(data.order, fileName);
  }
  return tools;
}

function checkPages(dir: string, site: SiteConfig, shown: (f: string) => string, problems: Problem[]): void {
  for (const locale of Object.keys(site.locales)) {
    // The worker guide is needed only with Together mode on.
    for (const page of requiredPages.filter((name) => name !== 'together' || site.features.together)) {
      const file = join(dir, locale, `${page}.mdx`);
      if (existsSync(file)) continue;
      problems.push({
        file: shown(file),
        problem: `is missing: every language needs its own ${page} page`,
        fix: `Copy ${shown(join(dir, site.defaultLocale, `${page}.mdx`))} to this place and translate it.`,
        severity: 'error',
      });
    }
  }
  // Every file Astro's `pages` collection reads (`<language>/<page>.mdx`), not only the pages
  // Waymark shows: Astro compiles them all, so none may hold code.
  const localeDirs = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
  for (const localeDir of localeDirs) {
    const pageFiles = readdirSync(join(dir, localeDir.name)).filter((name) => name.endsWith('.mdx'));
    for (const name of pageFiles.sort()) {
      const file = join(dir, localeDir.name, name);
      const { toolUses } = checkMdxFile(file, PageFrontmatterSchema, pageHints, shown, problems);
      if (toolUses.length) {
        problems.push({
          file: shown(file),
          line: toolUses[0]!.line,
          problem: `has a <${toolUses[0]!.component}>, but tools belong in module pages`,
          fix: 'Move the tool into a step of a module in content/modules/.',
          severity: 'error',
        });
      }
    }
  }
}

/** Checks an `.mdx` file's frontmatter against `schema` and its body (see `mdx-check.ts`). */
function checkMdxFile<T extends z.ZodType>(
  file: string,
  schema: T,
  hints: FixHints,
  shown: (f: string) => string,
  problems: Problem[],
): { data: z.output<T> | undefined; toolUses: ToolUse[] } {
  const none = { data: undefined, toolUses: [] };
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    problems.push({
      file: shown(file),
      line: 1,
      problem: 'has no frontmatter (the settings between two --- lines at the top)',
      fix: 'Start the file with a line ---, then title:, summary:, order: and minutes: lines, then another ---.',
      severity: 'error',
    });
    return none;
  }
  const unfinished = placeholderLines(text);
  if (unfinished.length) {
    problems.push({
      file: shown(file),
      line: unfinished[0],
      problem: `still has ${unfinished.length} "${placeholderMarker}" note(s) from npm run new (line ${unfinished.join(', ')})`,
      fix: `Replace each "${placeholderMarker}" note with your own words before the site goes live.`,
      severity: 'warning',
    });
  }
  const bodyLineOffset = match[0].split('\n').length - 1;
  const body = checkMdxBody(text.slice(match[0].length), shown(file), bodyLineOffset);
  problems.push(...body.problems);
  const yaml = readYaml(match[1]!, shown(file), 1, problems);
  if (!yaml) return { ...none, toolUses: body.tools };
  const data = validate(schema, yaml.data ?? {}, { ...yaml, file: shown(file), hints }, problems);
  return { data, toolUses: body.tools };
}

function subfolders(dir: string, shown: (f: string) => string, problems: Problem[]): { name: string; path: string }[] {
  if (!existsSync(dir)) return [];
  const folders: { name: string; path: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) folders.push({ name, path });
    else if (name.endsWith('.mdx')) {
      problems.push({
        file: shown(path),
        problem: 'is not in a module folder',
        fix: 'Put each module in its own folder: content/modules/<language>/<module>/index.mdx for the overview and one .mdx file per step.',
        severity: 'error',
      });
    }
  }
  return folders;
}

function badName(file: string, kind: 'file' | 'folder'): Problem {
  return {
    file,
    problem: `has a ${kind} name that cannot be part of a web address`,
    fix: `Use only lower-case letters, digits and single dashes, like "noticing-what-helps".`,
    severity: 'error',
  };
}

/** Every story ends with a gentle reflection; its answers are gathered under "Stories" in My plan. */
function storyReflection(locale: string, slug: string, strings: Record<string, UiStrings>): ToolDefinition {
  const prompt = strings[locale]?.['story.reflectionPrompt'] ?? strings[referenceLocale]?.['story.reflectionPrompt'] ?? '';
  return { id: `story-${slug}`, kind: 'reflection', locale, module: storiesModule, step: slug, prompt, items: [] };
}
