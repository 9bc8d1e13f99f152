/** The real `astro build` stops on a content mistake with the plain report, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { copyDefaultContent } from './content-fixture';

const content = copyDefaultContent();
afterAll(() => content.cleanUp());

it('a bad site.yaml fails the build with the file, line, field and fix', () => {
  content.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: "#ffdd00"');
  const build = spawnSync('node_modules/.bin/astro', ['build'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      WAYMARK_CONTENT: content.dir,
      WAYMARK_OUT: join(content.dir, '..', 'dist'),
    },
    encoding: 'utf8',
  });
  // Without colours: CI may force them, and Astro underlines addresses in its messages.
  const output = stripVTControlCharacters(build.stdout + build.stderr);
  expect(build.status).toBe(1);
  expect(output).toMatch(/✗ line \d+: brandColour is too light/);
  expect(output).toContain('How to fix: Pick a darker colour.');
  expect(output).not.toMatch(/^\s+at /m);
});

/** If anything in the hostile step ever ran, this file would exist after the build. */
const ranMarker = join(tmpdir(), `waymark-hostile-ran-${process.pid}`);

/** Each construct a page may not hold, one a paragraph, and the start of what the report says of it. */
const hostileConstructs: [construct: string, refusal: string][] = [
  ["import fs from 'node:fs'", 'has an import line, which would run as code when the site is built.'],
  [`export const ran = fs.writeFileSync(${JSON.stringify(ranMarker)}, 'ran')`, 'has an export line, which would run as code when the site is built.'],
  [
    "The computer's name: {fs.readFileSync('/etc/hostname','utf8')}",
    "uses {fs.readFileSync('/etc/hostname','utf8')}, which would run as code when the site is built.",
  ],
  [
    '<meta httpEquiv="refresh" content="0;url=https://example.com" />',
    'uses <meta>, which could send readers to another website or change how the page works.',
  ],
  ['<a href="javascript:alert(1)">Press here</a>', 'href of <a> is a javascript: address, which would run code in the reader’s browser.'],
  [
    '<img srcset="https://example.com/a.png 1x" alt="" />',
    'loads https://example.com/a.png from another website, which would tell that website who is reading.',
  ],
  ['<div onClick="x">Words</div>', 'uses onClick on <div>, which would run code when a reader uses the page.'],
  ['<div set:html="<b>x</b>">Words</div>', 'uses set:html on <div>, an instruction to the code of the site that could put code into the page.'],
];
const stepFrontmatter = ['---', 'title: "A step"', 'summary: "One step."', 'order: 9', 'minutes: 2', '---'];

/** A tiny site (the starter's content) with a step holding every hostile construct, and a page with a <base>. */
function hostileSite(): { contentDir: string; outDir: string; cleanUp: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'waymark-hostile-'));
  const contentDir = join(root, 'content');
  cpSync('cli/templates/site/minimal/content', contentDir, { recursive: true });
  for (const file of readdirSync(contentDir, { recursive: true, encoding: 'utf8' })) {
    const path = join(contentDir, file);
    if (statSync(path).isFile()) writeFileSync(path, readFileSync(path, 'utf8').replaceAll(/\{\{\w+\}\}/g, 'Hostile test'));
  }
  const step = [...stepFrontmatter, ...hostileConstructs.flatMap(([construct]) => ['', construct])].join('\n');
  writeFileSync(join(contentDir, 'modules/en/keeping-life-on-track/hostile.mdx'), `${step}\n`);
  // Astro reads every page file in content/pages/<language>/, not only the four Waymark shows.
  writeFileSync(join(contentDir, 'pages/en/notes.mdx'), '---\ntitle: "Notes"\nsummary: "Notes."\n---\n\n<base href="https://example.com/" />\n');
  return {
    contentDir,
    // Its own name: Astro's cache is named after the output folder, and must not be the real site's.
    outDir: join(root, 'dist-hostile-test'),
    cleanUp: () => {
      rmSync(root, { recursive: true, force: true });
      rmSync(join('node_modules', '.astro', 'dist-hostile-test'), { recursive: true, force: true });
    },
  };
}

it('MDX that would run code, send readers away or load another website fails the build, each on its line, and nothing runs', () => {
  rmSync(ranMarker, { force: true });
  const site = hostileSite();
  try {
    const build = spawnSync('node_modules/.bin/astro', ['build'], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_CONTENT: site.contentDir, WAYMARK_OUT: site.outDir },
      encoding: 'utf8',
    });
    // Without colours: CI may force them, and Astro underlines addresses in its messages.
    const output = stripVTControlCharacters(build.stdout + build.stderr);
    expect(build.status, output).toBe(1);
    const report = output.slice(output.indexOf('content/modules/en/keeping-life-on-track/hostile.mdx\n'));
    hostileConstructs.forEach(([, refusal], index) => {
      // The frontmatter, then an empty line before each construct.
      expect(report).toContain(`✗ line ${stepFrontmatter.length + 2 * (index + 1)}: ${refusal}`);
    });
    expect(output).toContain('content/pages/en/notes.mdx\n  ✗ line 6: uses <base>, which would send every link on the page to another place.');
    expect(output).not.toMatch(/^\s+at /m);
    // Nothing in the file ran, and no page was written.
    expect(existsSync(ranMarker)).toBe(false);
    expect(existsSync(site.outDir) ? readdirSync(site.outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')) : []).toEqual([]);
  } finally {
    site.cleanUp();
    rmSync(ranMarker, { force: true });
  }
}, 240_000);
