/**
 * The pages for the build-time bench: 50 generated modules of 1 overview and 19 steps each, 1,000
 * MDX files in all, like a large service's site. The text, frontmatter and the <Callout> in every
 * third step stay the same from run to run, so build times stay comparable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// 50 × (1 overview + 19 steps) = 1,000 MDX files
const generated = { modules: 50, stepsPerModule: 19 };
const themes = ['connectedness', 'hope', 'identity', 'meaning', 'empowerment'];

interface Frontmatter {
  title: string;
  summary: string;
  order: number;
  minutes?: number;
  themes?: string[];
}

/**
 * Writes `bench-NN/` modules with valid frontmatter (see src/contract/module-schema.ts) into
 * `modulesDir`; returns how many MDX files it wrote.
 */
export async function generateModules(modulesDir: string): Promise<number> {
  let files = 0;
  for (let m = 1; m <= generated.modules; m++) {
    const nn = String(m).padStart(2, '0');
    const dir = join(modulesDir, `bench-${nn}`);
    await mkdir(dir, { recursive: true });
    const write = async (name: string, frontmatter: Frontmatter, body: string) => {
      await writeFile(join(dir, `${name}.mdx`), mdx(frontmatter, body));
      files++;
    };
    await write(
      'index',
      { title: `Bench module ${nn}`, summary: `Generated module ${nn} for the build benchmark.`, order: 100 + m },
      paragraphs(`module ${nn}`, false),
    );
    for (let s = 1; s <= generated.stepsPerModule; s++) {
      const ss = String(s).padStart(2, '0');
      await write(
        `step-${ss}`,
        {
          title: `Step ${ss} of bench module ${nn}`,
          summary: `One generated step with a few paragraphs of text.`,
          order: s,
          minutes: 1 + (s % 10),
          themes: pickThemes(s % themes.length, (s + m) % themes.length),
        },
        paragraphs(`step ${ss} of module ${nn}`, s % 3 === 0), // a <Callout> in every third step
      );
    }
  }
  return files;
}

/** One or two themes (one when both indexes name the same theme). */
function pickThemes(...indexes: number[]): string[] {
  const picked = indexes.map((i) => themes[i]).filter((theme) => theme !== undefined);
  return picked.filter((theme, i) => picked.indexOf(theme) === i);
}

function mdx({ title, summary, order, minutes = 5, themes = ['hope'] }: Frontmatter, body: string): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `summary: ${JSON.stringify(summary)}`,
    `order: ${order}`,
    `minutes: ${minutes}`,
    `themes: [${themes.join(', ')}]`,
    'contentNotes: []',
    '---',
    '',
    body,
  ].join('\n');
}

function paragraphs(name: string, withCallout: boolean): string {
  const text = [
    `## About ${name}`,
    '',
    `This is ${name}. It was written by the bench to see how the build copes with many pages. ` +
      'Each page has a heading, a few paragraphs and a short list, like a real step.',
    '',
    'Recovery can mean different things to different people. Some people talk about getting back ' +
      'to the life they had. Others talk about building a new life, with new hopes and plans.',
    '',
    '- notice one thing that helped this week',
    '- write it down, if you want to',
    '- come back to it another day',
    '',
    'There is no right way to do this. Take your time, and stop whenever you like.',
    '',
  ];
  if (withCallout) text.push('<Callout title="x">Something small to remember from this page.</Callout>', '');
  return text.join('\n');
}
