/**
 * How easy Waymark's content is to read: the Flesch-Kincaid grade of the words a person reads.
 *
 *   grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *
 * Grade 7 is about a reading age of 12. The content guide asks for an average of grade 7 or
 * lower over the default content, and no page above grade 9.
 *
 * What is measured (`plainText`), and why:
 * - The words under the frontmatter, and the page's `title` and `summary` (people read both).
 * - A recorded story's captions (its WebVTT file in `public/`): they are its words.
 * - Left out: `import`/`export` lines, code, HTML comments, link addresses (the link's words
 *   stay), bare web addresses, and everything from a `## Sources` heading to the end of the page:
 *   sources are the titles of other people's papers and guidance, quoted, not our own words.
 * - Components: the tags go, the words inside them stay (a `<Callout>`'s text, a tool's list).
 *   The `title`, `prompt` and `hint` of a component are read by people, so each counts as a
 *   sentence of its own.
 * - Headings count, each as one sentence. So does each list item, each table row and each
 *   paragraph line that has no full stop of its own: people read them as separate pieces.
 *
 * Syllables are counted with a common English rule of thumb (vowel groups, less a silent final
 * "e" and the like). It is not exact for every word, but it is steady, which is what a check
 * over many pages needs. Numbers count as one syllable.
 *
 * Spanish is measured with Crawford's grade formula (Crawford 1984, made for Spanish school texts),
 * on the same words and sentences, with Spanish syllables (vowel groups, split where two strong
 * vowels meet or an accented í/ú stands next to a vowel):
 *
 *   grade = 0.049 × (syllables per 100 words) − 0.205 × (sentences per 100 words) − 3.407
 *
 * Other languages are not measured: these formulas fit only the language they were made for.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { captionText } from '../contract/vtt.ts';
import { foldersIn } from '../integration/built-files.ts';

export interface ReadingStats {
  words: number;
  sentences: number;
  syllables: number;
}

export interface PageReading extends ReadingStats {
  /** The file, relative to the content folder (`modules/en/hope-and-recovery/index.mdx`). */
  file: string;
  grade: number;
}

export interface GroupReading extends ReadingStats {
  /** A module's folder name, or `stories`. */
  name: string;
  pages: PageReading[];
  /** The grade of all the group's words together. */
  grade: number;
  /** The highest grade of any one page in the group. */
  maxGrade: number;
}

export interface ReadingReport {
  /** How it was measured ("Flesch-Kincaid grade"). */
  formula: string;
  groups: GroupReading[];
  pages: PageReading[];
  /** The grade of all the words together. */
  grade: number;
  /** The average of the pages' grades. */
  meanPageGrade: number;
  maxGrade: number;
}

/** Crawford's grade level for Spanish; 0 words reads as grade 0. */
export function crawfordGrade({ words, sentences, syllables }: ReadingStats): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.049 * ((syllables / words) * 100) - 0.205 * ((sentences / words) * 100) - 3.407;
}

/** A count of the syllables in one Spanish word (at least 1): its vowel groups, split at hiatus. */
export function countSpanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, '')
    .replace(/(?<=[qg])u(?=[eéiíy])/g, '') // the silent u of que, qui, gue, gui
    .replace(/y$/, 'i'); // hoy, muy: a vowel at the end of a word
  if (w.length === 0) return /\d/.test(word) ? 1 : 0;
  let count = 0;
  for (const group of w.match(/[aeiouáéíóúü]+/g) ?? []) {
    count++;
    for (let i = 1; i < group.length; i++) {
      const [before, after] = [group[i - 1]!, group[i]!];
      const strong = (c: string) => 'aeoáéó'.includes(c);
      const accentedWeak = (c: string) => 'íú'.includes(c);
      if ((strong(before) && strong(after)) || accentedWeak(before) || accentedWeak(after)) count++;
    }
  }
  return Math.max(1, count);
}

/** How a language's reading level is measured: only languages with a formula made for them. */
export interface ReadingFormula {
  name: string;
  grade: (stats: ReadingStats) => number;
  syllables: (word: string) => number;
}

export const readingFormulas: Record<string, ReadingFormula> = {
  en: { name: 'Flesch-Kincaid grade', grade: (stats) => fleschKincaidGrade(stats), syllables: (word) => countSyllables(word) },
  es: { name: 'Crawford grade, for Spanish', grade: (stats) => crawfordGrade(stats), syllables: (word) => countSpanishSyllables(word) },
};

/** Flesch-Kincaid grade level; 0 words reads as grade 0. */
export function fleschKincaidGrade({ words, sentences, syllables }: ReadingStats): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Common words the rules below get wrong. */
const exceptions: Record<string, number> = {
  business: 2,
  create: 2,
  created: 3,
  creative: 3,
  every: 2,
  everyone: 3,
  everybody: 4,
  maybe: 2,
  recipe: 3,
  poem: 2,
  poems: 2,
  quiet: 2,
  quietly: 3,
  science: 2,
  naive: 2,
  our: 1,
  hour: 1,
  hours: 1,
  fire: 1,
  tired: 1,
};

/** Word endings that make a compound ("some|thing", "birth|day"), counted as two words. */
const compoundEnd = /^(.*[aeiouy].*?)(thing|things|one|ones|time|times|where|body|day|days|way|ways|self|selves|while)$/;

/** A rule-of-thumb count of the syllables in one English word (at least 1). */
export function countSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[’']s?$/, '')
    .replace(/[^a-z]/g, '');
  if (w.length === 0) return /\d/.test(word) ? 1 : 0;
  if (w in exceptions) return exceptions[w]!;
  if (w.length <= 3) return 1;
  const compound = compoundEnd.exec(w);
  if (compound && compound[1]!.length >= 2) return countSyllables(compound[1]!) + countSyllables(compound[2]!);

  const v = w.replace(/qu/g, 'q').replace(/^y/, '');
  let count = v.match(/[aeiouy]+/g)?.length ?? 0;
  // Silent endings: a final "e" (but not "-le" after a consonant), "-es" and "-ed" after most consonants.
  if (/[^aeiouy]e$/.test(v) && !/[^aeiouy]le$/.test(v)) count--;
  else if (/[^aeiouyscxzgh]es$/.test(v) && !/[^aeiouy]les$/.test(v)) count--;
  else if (/[^aeiouytd]ed$/.test(v)) count--;
  // Vowels side by side that are usually said apart ("be-ing", "i-de-a", "se-ri-ous", "vi-de-o").
  count += (v.match(/[aeiouy]ing/g) ?? []).length;
  count += (v.match(/(?<![ctsg])ia/g) ?? []).length;
  count += (v.match(/(?<![tscxg])io/g) ?? []).length;
  count += (v.match(/(?<!p)eo/g) ?? []).length;
  count += (v.match(/ua/g) ?? []).length;
  count += (v.match(/(?:[^tc]|sc)ien(?:ce|t)|iet/g) ?? []).length;
  if (/eas?$/.test(v)) count++;
  return Math.max(1, count);
}

const componentTag = /<\/?[A-Za-z][\w.]*(?:\s[^<>]*?)?\/?>/g;
const readAttributes = /\b(?:title|prompt|hint)="([^"]*)"/g;

/** The words a person reads in one `.mdx` file, one sentence-ish piece a line. */
export function plainText(source: string): string {
  let text = source.replace(/\r\n?/g, '\n');
  const pieces: string[] = [];

  const frontmatter = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (frontmatter) {
    for (const field of ['title', 'summary']) {
      const match = new RegExp(`^${field}:\\s*(.+)$`, 'm').exec(frontmatter[1]!);
      if (match) pieces.push(match[1]!.trim().replace(/^["']|["']$/g, ''));
    }
    text = text.slice(frontmatter[0].length);
  }

  text = text
    .replace(/^#{1,6}\s+(Sources|Fuentes|المصادر)\s*$[\s\S]*/m, '') // sources quote other people's titles
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(?:import|export)\s.*$/gm, '')
    .replace(/`[^`]*`/g, '');

  // The words people read in a component's attributes, then the tags themselves.
  text = text.replace(componentTag, (tag) => {
    const said = [...tag.matchAll(readAttributes)].map((m) => m[1]!.trim()).filter(Boolean);
    return said.length ? `\n${said.join('\n')}\n` : '\n';
  });

  text = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[*_]{1,3}([^*_\n]+)[*_]{1,3}/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\|/g, '\n');

  for (const line of text.split('\n')) {
    const piece = line.trim();
    if (piece) pieces.push(piece);
  }
  return pieces.join('\n');
}

/** Words, sentences and syllables in plain text: every line ends a sentence, as do . ! and ?. */
export function readingStats(text: string, syllablesOf: (word: string) => number = countSyllables): ReadingStats {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const line of text.split('\n')) {
    const tokens = line.match(/[\p{L}0-9][\p{L}0-9’'-]*/gu) ?? [];
    if (tokens.length === 0) continue;
    for (const token of tokens) {
      words++;
      syllables += token
        .split('-')
        .filter(Boolean)
        .reduce((sum, part) => sum + syllablesOf(part), 0);
    }
    // Sentence ends inside the line (". Next"), and the line's own end.
    const inner = line.match(/[.!?]+["'’”»)]*\s+(?=["'“‘«(¿¡]?[\p{Lu}0-9])/gu)?.length ?? 0;
    sentences += inner + 1;
  }
  return { words, sentences, syllables };
}

function measure(file: string, contentDir: string, formula: ReadingFormula): PageReading {
  const source = readFileSync(file, 'utf8');
  let text = plainText(source);
  // A recording's words are in its captions, in public/ next to content/.
  const captions = /^captions:\s*["']?\/?([^"'\n]+?)["']?\s*$/m.exec(source.split(/\n---\s*\n/)[0] ?? '');
  const vtt = captions && join(contentDir, '..', 'public', captions[1]!);
  if (vtt && existsSync(vtt)) text += `\n${captionText(readFileSync(vtt, 'utf8'))}`;
  const stats = readingStats(text, formula.syllables);
  return { file: relative(contentDir, file), ...stats, grade: formula.grade(stats) };
}

function group(name: string, pages: PageReading[], formula: ReadingFormula): GroupReading {
  const total = sum(pages);
  return { name, pages, ...total, grade: formula.grade(total), maxGrade: Math.max(...pages.map((p) => p.grade)) };
}

function sum(items: ReadingStats[]): ReadingStats {
  return items.reduce((a, b) => ({ words: a.words + b.words, sentences: a.sentences + b.sentences, syllables: a.syllables + b.syllables }), {
    words: 0,
    sentences: 0,
    syllables: 0,
  });
}

const mdxIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => join(dir, name));

/** The reading level of every module (one group each) and every story (one group) in a language with a formula. */
export function readingReport(contentDir: string, locale = 'en'): ReadingReport {
  const formula = readingFormulas[locale];
  if (!formula) throw new Error(`There is no reading-level formula for "${locale}".`);
  const groups: GroupReading[] = [];
  const modulesDir = join(contentDir, 'modules', locale);
  for (const name of foldersIn(modulesDir)) {
    const files = mdxIn(join(modulesDir, name));
    if (files.length)
      groups.push(
        group(
          name,
          files.map((file) => measure(file, contentDir, formula)),
          formula,
        ),
      );
  }
  const storiesDir = join(contentDir, 'stories', locale);
  const stories = existsSync(storiesDir) ? mdxIn(storiesDir).map((file) => measure(file, contentDir, formula)) : [];
  if (stories.length) groups.push(group('stories', stories, formula));

  const pages = groups.flatMap((g) => g.pages).filter((p) => p.words > 0);
  const total = sum(pages);
  return {
    formula: formula.name,
    groups,
    pages,
    grade: formula.grade(total),
    meanPageGrade: pages.reduce((a, p) => a + p.grade, 0) / pages.length,
    maxGrade: Math.max(...pages.map((p) => p.grade)),
  };
}

/** The report as a plain-text table, one line a module (all its words together, and its hardest page). */
export function readingTable(report: ReadingReport): string {
  const fixed = (n: number) => n.toFixed(1).padStart(5);
  const width = Math.max(...report.groups.map((g) => g.name.length), 'All content'.length) + 2;
  const lines = [
    `${'Module'.padEnd(width)}Pages  Words  Grade  Hardest page`,
    ...report.groups.map((g) => {
      const hardest = g.pages.reduce((a, b) => (b.grade > a.grade ? b : a));
      return `${g.name.padEnd(width)}${String(g.pages.length).padStart(5)}${String(g.words).padStart(7)}  ${fixed(g.grade)}  ${fixed(g.maxGrade)} ${basename(hardest.file)}`;
    }),
    `${'All content'.padEnd(width)}${String(report.pages.length).padStart(5)}${String(sum(report.pages).words).padStart(7)}  ${fixed(report.grade)}  ${fixed(report.maxGrade)}`,
    `Average of the pages' grades: ${report.meanPageGrade.toFixed(1)} (${report.formula}; aim for 7 or lower, no page above 9)`,
  ];
  return lines.join('\n');
}
