/**
 * Traces of a switched-off feature: a page, story or string that still talks about a part of the
 * site that is off in site.yaml ("a QR code for your phone" with `qrTransfer: false`). The words
 * that name each feature are kept per language in the strings (`featureTerms.<feature>`), so a new
 * language brings its own and a site can add to them. Text inside `<IfFeature name="…">`, or in a
 * component that is left out with the feature (`<ForWorkers>`, `<CheckIn>`), is not a trace.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { mdxToMdast } from 'satteri';
import type { Features, SiteConfig } from '../contract/site-schema.ts';
import { featureNames, featureStrings } from '../contract/features.ts';
import type { MdastNode } from '../contract/mdx-check.ts';
import type { Problem } from '../contract/problems.ts';
import { featureTermsOf, featureTermsPrefix } from '../contract/strings.ts';
import { closest, LineCounter } from '../contract/explain.ts';
import { routes } from '../routes/index.ts';

type Feature = keyof Features;

/** Components whose content is left out of the page while this feature is off. */
const leftOutWith: Record<string, Feature> = { ForWorkers: 'together', CheckIn: 'checkIns' };

/** A piece of text a reader sees, with its line and the features it is shown only with. */
export interface TextPiece {
  text: string;
  line: number;
  shownOnlyWith: ReadonlySet<Feature>;
}

/** What `mdxText` finds in a page: its text, and each `<IfFeature name>` with its line. */
export interface PageText {
  pieces: TextPiece[];
  ifFeatureNames: { name: string; line: number }[];
}

/** `terms` as one pattern: whole words, any case, longest first so the message names "QR code" over "QR". */
export function termsPattern(terms: readonly string[]): RegExp | undefined {
  const words = [...terms].filter((term) => term.trim()).sort((a, b) => b.length - a.length);
  if (!words.length) return undefined;
  // \b is ASCII-only: letters of any script (Arabic, accented Spanish) must not be split.
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map((word) => RegExp.escape(word.trim())).join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** Addresses are not words a reader reads: `https://example.org/qr` names no QR code. */
const withoutAddresses = (text: string) => text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');

/** The text of an `.mdx` file a reader sees: frontmatter values, Markdown text and components' text attributes; not code or addresses. */
export function mdxText(source: string): PageText {
  const pieces: TextPiece[] = [];
  const ifFeatureNames: PageText['ifFeatureNames'] = [];
  const none = new Set<Feature>();
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  frontmatter?.[1]!.split('\n').forEach((line, index) => {
    const value = /^\s*[\w-]+:\s*(.+)$/.exec(line)?.[1];
    if (value) pieces.push({ text: value, line: index + 2, shownOnlyWith: none });
  });
  const lineOffset = frontmatter ? frontmatter[0].split('\n').length - 1 : 0;
  let tree: MdastNode;
  try {
    tree = mdxToMdast(source.slice(frontmatter?.[0].length ?? 0)) as MdastNode;
  } catch {
    return { pieces, ifFeatureNames }; // the content check reports an MDX file that cannot be read
  }
  const visit = (node: MdastNode, shownOnlyWith: ReadonlySet<Feature>) => {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    if (node.type === 'text' && node.value) pieces.push({ text: node.value, line, shownOnlyWith });
    let inside = shownOnlyWith;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attributes = node.attributes ?? [];
      for (const attribute of attributes) {
        if (typeof attribute.value === 'string' && attribute.name !== 'name') pieces.push({ text: attribute.value, line, shownOnlyWith });
      }
      const named = attributes.find((attribute) => attribute.name === 'name')?.value;
      if (node.name === 'IfFeature') ifFeatureNames.push({ name: typeof named === 'string' ? named : '', line });
      const feature = node.name === 'IfFeature' ? named : leftOutWith[node.name ?? ''];
      if (typeof feature === 'string' && (featureNames as string[]).includes(feature)) inside = new Set([...shownOnlyWith, feature as Feature]);
    }
    node.children?.forEach((child) => visit(child, inside));
  };
  visit(tree, none);
  return { pieces, ifFeatureNames };
}

/** The values of a site's own strings file, each with its line (not a switched-off feature's own keys, nor the term lists). */
function stringsText(source: string, off: Feature): TextPiece[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  if (document.errors.length) return [];
  const items = (document.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: { value?: unknown } }> } | null)?.items ?? [];
  const none = new Set<Feature>();
  return items.flatMap((item) => {
    const key = String(item.key?.value ?? '');
    const value = item.value?.value;
    const ownKey = key.startsWith(featureTermsPrefix) || featureStrings[off].some((prefix) => key.startsWith(prefix));
    if (ownKey || typeof value !== 'string') return [];
    return [{ text: value, line: lineCounter.linePos(item.key?.range?.[0] ?? 0).line, shownOnlyWith: none }];
  });
}

/** The first term of `pattern` that a reader would see while `feature` is off, and its line. */
export function firstTrace(pieces: readonly TextPiece[], feature: Feature, pattern: RegExp): { term: string; line: number } | undefined {
  for (const piece of pieces) {
    if (piece.shownOnlyWith.has(feature)) continue;
    const found = pattern.exec(withoutAddresses(piece.text));
    if (found) return { term: found[0], line: piece.line };
  }
  return undefined;
}

export interface TraceOptions {
  contentDir: string;
  site: SiteConfig;
  shown: (file: string) => string;
}

/** A warning for each file (module step, story, page or strings file) that still talks about a feature that is off. */
export function featureTraces({ contentDir, site, shown }: TraceOptions): Problem[] {
  const off = featureNames.filter((feature) => !site.features[feature]);
  const problems: Problem[] = [];
  for (const locale of Object.keys(site.locales)) {
    const terms = featureTermsOf(join(contentDir, 'i18n'), locale);
    const pages = contentFiles(contentDir, locale, site).map((file) => ({ file, text: mdxText(readFileSync(file, 'utf8')) }));
    for (const { file, text } of pages) problems.push(...ifFeatureProblems(shown(file), text));
    const stringsFile = join(contentDir, 'i18n', `${locale}.yaml`);
    for (const feature of off) {
      const pattern = termsPattern(terms[feature] ?? []);
      if (!pattern) continue;
      for (const { file, text } of pages) {
        if (builtOnlyWith(relative(contentDir, file), locale) === feature) continue; // the page itself is left out
        const trace = firstTrace(text.pieces, feature, pattern);
        if (trace) problems.push(traceProblem(shown(file), trace, feature, 'this page'));
      }
      if (existsSync(stringsFile)) {
        const trace = firstTrace(stringsText(readFileSync(stringsFile, 'utf8'), feature), feature, pattern);
        if (trace) problems.push(traceProblem(shown(stringsFile), trace, feature, 'this text'));
      }
    }
  }
  return problems;
}

/** An `<IfFeature>` whose name is no feature would hide its words on every site. */
function ifFeatureProblems(file: string, { ifFeatureNames }: PageText): Problem[] {
  return ifFeatureNames
    .filter(({ name }) => !(featureNames as string[]).includes(name))
    .map(({ name, line }) => {
      const meant = closest(name, featureNames);
      return {
        file,
        line,
        problem: `<IfFeature name="${name}"> does not name a feature, so the site cannot be built`,
        fix: `${meant ? `Did you mean ${meant}? ` : ''}The features are: ${featureNames.join(', ')} (as under features: in site.yaml).`,
        severity: 'error' as const,
      };
    });
}

function traceProblem(file: string, { term, line }: { term: string; line: number }, feature: Feature, what: string): Problem {
  return {
    file,
    line,
    problem: `${feature} is off in site.yaml, but ${what} talks about "${term}"`,
    fix: `Remove or reword the sentence, or switch ${feature} on. To keep it for when ${feature} is on, put it inside <IfFeature name="${feature}">…</IfFeature>.`,
    severity: 'warning',
  };
}

/** The feature a content page is built only with (the worker guide with Together mode), from the route table. */
function builtOnlyWith(page: string, locale: string): Feature | undefined {
  for (const route of Object.values(routes) as { feature?: Feature; source?: (params: Record<string, string>, locale: string) => string }[]) {
    if (route.feature && route.source?.({}, locale) === page) return route.feature;
  }
  return undefined;
}

/** The `.mdx` files of a language: its module steps, its pages, and its stories while they are on. */
function contentFiles(contentDir: string, locale: string, site: SiteConfig): string[] {
  const kinds = ['modules', 'pages', ...(site.features.stories ? ['stories'] : [])];
  return kinds.flatMap((kind) => mdxFilesUnder(join(contentDir, kind, locale)));
}

function mdxFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mdxFilesUnder(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}
