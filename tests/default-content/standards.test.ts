/**
 * The default content, as a whole: easy to read (Flesch-Kincaid grade, see
 * src/audits/reading-level.ts), and every module complete: a few short steps, a story, tools whose
 * answers go into My plan, notes for workers, something to try this week and its sources.
 *
 * These are the standards of the content that comes with Waymark, stricter than what every site
 * must meet (that is `npm run check`, and the engine's tests beside this folder). They test the
 * repository's own content/, not the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/contract/load';
import {
  countSpanishSyllables,
  countSyllables,
  crawfordGrade,
  fleschKincaidGrade,
  plainText,
  readingReport,
  readingStats,
  readingTable,
} from '../../src/audits/reading-level';
import { captionText } from '../../src/contract/vtt';

const contentDir = join(import.meta.dirname, '..', '..', 'content');
const modulesDir = join(contentDir, 'modules', 'en');
const storiesDir = join(contentDir, 'stories', 'en');

describe('the reading-level measure', () => {
  it('counts syllables well enough for common words', () => {
    const words = {
      the: 1,
      hope: 1,
      people: 2,
      voices: 2,
      helped: 1,
      wanted: 2,
      being: 2,
      idea: 3,
      quiet: 2,
      recovery: 4,
      medication: 4,
      someone: 2,
      usual: 3,
      serious: 3,
    };
    for (const [word, syllables] of Object.entries(words)) expect(countSyllables(word), word).toBe(syllables);
  });

  it('gives the Flesch-Kincaid grade of words, sentences and syllables', () => {
    expect(readingStats('The cat sat on the mat.')).toEqual({ words: 6, sentences: 1, syllables: 6 });
    expect(fleschKincaidGrade({ words: 6, sentences: 1, syllables: 6 })).toBeCloseTo(-1.45, 2);
    expect(readingStats('One. Two words!\nA list item')).toEqual({ words: 6, sentences: 3, syllables: 7 }); // i-tem
  });

  it('counts Spanish syllables, splitting strong vowels and accented í/ú, and gives Crawford’s grade', () => {
    const words = { casa: 2, poema: 3, país: 2, ciudad: 2, que: 1, guitarra: 3, pingüino: 3, hoy: 1, recuperación: 5, aéreo: 4, día: 2, ayuda: 3 };
    for (const [word, syllables] of Object.entries(words)) expect(countSpanishSyllables(word), word).toBe(syllables);
    expect(readingStats('¿Cómo estás? Muy bien.', countSpanishSyllables)).toEqual({ words: 4, sentences: 2, syllables: 6 });
    // 100 words, 10 sentences, 200 syllables: 0.049 × 200 − 0.205 × 10 − 3.407.
    expect(crawfordGrade({ words: 100, sentences: 10, syllables: 200 })).toBeCloseTo(4.343, 3);
  });

  it('measures what people read: not frontmatter fields, tags, addresses or sources', () => {
    const text = plainText(
      '---\ntitle: "A step"\norder: 1\n---\n\n## Hello\n\nRead [this](https://example.org/x).\n\n<Reflection id="x" prompt="How are you?" />\n\n## Sources\n\n- A very long academic title.\n',
    );
    expect(text.split('\n')).toEqual(['A step', 'Hello', 'Read this.', 'How are you?']);
    expect(captionText('WEBVTT\n\n1\n00:00.000 --> 00:02.000\n<v Rosa>I went back.\n')).toBe('I went back.');
  });
});

describe('reading level of the default content', () => {
  for (const locale of ['en', 'es']) {
    const report = readingReport(contentDir, locale);

    it(`${locale}: averages grade 7 or lower, with no page above grade 9`, () => {
      console.log(`\nReading level (${report.formula}) of the default content in ${locale}\n${readingTable(report)}\n`);
      expect(report.pages.length).toBeGreaterThan(20);
      expect(report.grade).toBeLessThanOrEqual(7);
      expect(report.meanPageGrade).toBeLessThanOrEqual(7);
      const hard = report.pages.filter((page) => page.grade > 9).map((page) => `${page.file}: grade ${page.grade.toFixed(1)}`);
      expect(hard).toEqual([]);
    });
  }
});

describe('every module in the default content', () => {
  const { tools, problems } = checkContent(contentDir);
  const modules = readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files = (module: string) => readdirSync(join(modulesDir, module)).filter((name) => name.endsWith('.mdx'));
  const text = (module: string) => files(module).map((name) => readFileSync(join(modulesDir, module, name), 'utf8'));
  const stories = readdirSync(storiesDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => ({ name, source: readFileSync(join(storiesDir, name), 'utf8') }));

  it('has no content problems, and there are at least eight modules', () => {
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(modules.length).toBeGreaterThanOrEqual(8);
  });

  for (const module of modules) {
    describe(module, () => {
      it('has an overview and 2 to 4 steps', () => {
        expect(files(module)).toContain('index.mdx');
        const steps = files(module).filter((name) => name !== 'index.mdx');
        expect(steps.length).toBeGreaterThanOrEqual(2);
        expect(steps.length).toBeLessThanOrEqual(4);
      });

      it('has a story, placed in one of its pages, that names the module', () => {
        const placed = text(module).flatMap((source) => [...source.matchAll(/<Story\s+id="([^"]+)"/g)].map((match) => match[1]!));
        expect(placed.length, `${module} has no <Story id="…" />`).toBeGreaterThan(0);
        const ours = stories.filter((story) => new RegExp(`^modules:\\s*\\[[^\\]]*\\b${module}\\b`, 'm').test(story.source));
        expect(ours.length, `no story lists ${module} in its modules`).toBeGreaterThan(0);
      });

      it('has at least two tools, whose answers go into My plan', () => {
        expect(tools.filter((tool) => tool.module === module && tool.locale === 'en').length).toBeGreaterThanOrEqual(2);
      });

      it('has notes for workers, something to try this week, and its sources', () => {
        const all = text(module).join('\n');
        expect(all).toMatch(/<ForWorkers\b/);
        expect(all).toMatch(/<TryThisWeek>/);
        const overview = readFileSync(join(modulesDir, module, 'index.mdx'), 'utf8');
        const sources = /^## Sources\s*$([\s\S]*)/m.exec(overview)?.[1] ?? '';
        expect(sources, `${module}/index.mdx has no "## Sources" section with links`).toMatch(/\]\(https:\/\//);
      });

      it('has its "try this week" idea in its last step', () => {
        const steps = files(module)
          .filter((name) => name !== 'index.mdx')
          .map((name) => readFileSync(join(modulesDir, module, name), 'utf8'))
          .sort((a, b) => order(a) - order(b));
        expect(steps.at(-1)).toMatch(/<TryThisWeek>/);
      });
    });
  }

  it('every story is labelled as a composite', () => {
    const unlabelled = stories.filter((story) => !/^composite:\s*true\s*$/m.test(story.source)).map((story) => story.name);
    expect(unlabelled).toEqual([]);
  });
});

describe('worker notes in the default content', () => {
  // The four stages of using the site together (Williams et al. 2021); see src/mdx/ForWorkers.astro.
  const stages = ['choose', 'reveal', 'explore', 'perspectives'];
  const mdx = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => ({ name, source: readFileSync(join(dir, name), 'utf8') }));
  const noteStages = (source: string) => [...source.matchAll(/<ForWorkers\b([^>]*)>/g)].map((match) => /\bstage="([^"]*)"/.exec(match[1]!)?.[1]);
  const hasNote = (source: string) => noteStages(source).some((stage) => stage !== undefined && stages.includes(stage));

  for (const locale of readdirSync(join(contentDir, 'modules')).sort()) {
    const steps = mdx(join(contentDir, 'modules', locale)).filter((file) => !file.name.endsWith('index.mdx'));
    const stories = mdx(join(contentDir, 'stories', locale));

    it(`${locale}: at least 80% of module steps have a note for workers, with its stage`, () => {
      const without = steps.filter((step) => !hasNote(step.source)).map((step) => step.name);
      expect(steps.length).toBeGreaterThan(0);
      expect(1 - without.length / steps.length, `steps with no note: ${without.join(', ')}`).toBeGreaterThanOrEqual(0.8);
    });

    it(`${locale}: every story has a note for workers, with its stage`, () => {
      expect(stories.filter((story) => !hasNote(story.source)).map((story) => story.name)).toEqual([]);
    });

    it(`${locale}: every note for workers names one of the four stages`, () => {
      const wrong = [...mdx(join(contentDir, 'modules', locale)), ...stories].flatMap((file) =>
        noteStages(file.source)
          .filter((stage) => stage === undefined || !stages.includes(stage))
          .map((stage) => `${file.name}: stage="${stage ?? ''}"`),
      );
      expect(wrong).toEqual([]);
    });
  }
});

function order(source: string): number {
  return Number(/^order:\s*(\d+)/m.exec(source)?.[1] ?? 0);
}
