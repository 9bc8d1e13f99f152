/**
 * The real `astro build` stops on a content mistake with the plain report, never a stack trace; it is
 * as strict as `npm run check` about links, #parts, alt text and media, unless `strict: false`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

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

describe('as strict as npm run check', () => {
  const step = 'modules/en/hope-and-recovery/small-signs-of-hope.mdx';
  const outNames: string[] = [];
  const fixtures: ContentFixture[] = [];
  afterAll(() => {
    for (const fixture of fixtures) fixture.cleanUp();
    // Astro's cache is named after the output folder (astro.config.mjs): each test's is its own.
    for (const name of outNames) rmSync(join('node_modules', '.astro', name), { recursive: true, force: true });
  });

  /** A copy of the default content with `lines` added at the end of a step; `edit` for more. */
  function withStepEnding(lines: string[]): { fixture: ContentFixture; firstLine: number } {
    const fixture = copyDefaultContent();
    fixtures.push(fixture);
    const firstLine = readFileSync(join(fixture.dir, step), 'utf8').split('\n').length + 1;
    fixture.edit(step, /$/, `\n${lines.join('\n')}\n`);
    return { fixture, firstLine };
  }

  function build(fixture: ContentFixture, outName: string): { status: number | null; output: string } {
    outNames.push(outName);
    const run = spawnSync('node_modules/.bin/astro', ['build'], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_CONTENT: fixture.dir, WAYMARK_OUT: join(fixture.dir, '..', outName) },
      encoding: 'utf8',
    });
    // Without colours: CI may force them, and Astro underlines addresses in its messages.
    return { status: run.status, output: stripVTControlCharacters(run.stdout + run.stderr) };
  }

  const brokenLinks = ['Read [the next step](/modules/no-such-page/).', '', 'Or go [back up](#hope-can-be-smal).'];
  const pictures = ['![](/media/lake.jpg)'];

  it('a broken link and a broken #part fail the build, each on its line with the fix', () => {
    const { fixture, firstLine } = withStepEnding(brokenLinks);
    const run = build(fixture, 'dist-strict-test-links');
    expect(run.status, run.output).toBe(1);
    expect(run.output).toContain(
      `content/${step}\n  ✗ line ${firstLine}: links to /modules/no-such-page/, but the site has no page or file at that address.\n` +
        '    How to fix: Check the spelling: page addresses end with a /, like /modules/getting-started/. Or remove the link.',
    );
    expect(run.output).toContain(
      `  ✗ line ${firstLine + 2}: links to #hope-can-be-smal, but this page has no heading or part called #hope-can-be-smal.\n` +
        '    How to fix: Did you mean #hope-can-be-small?',
    );
    expect(run.output).toContain('Waymark stopped the build: 2 problems to fix, listed above.');
    expect(run.output).not.toMatch(/^\s+at /m);
  }, 240_000);

  it('a picture without alt text or without its file fails the build before anything is built', () => {
    const { fixture, firstLine } = withStepEnding(pictures);
    const run = build(fixture, 'dist-strict-test-pictures');
    expect(run.status, run.output).toBe(1);
    expect(run.output).toContain(`content/${step}\n  ✗ line ${firstLine}: shows a picture (/media/lake.jpg) with no words saying what it shows (alt text)`);
    // The fix as written, brackets and all: Astro would read it as a Markdown link if it were the error's message.
    expect(run.output).toContain('How to fix: Write what the picture shows between the square brackets, like: ![A calm lake at sunrise](/media/lake.jpg).');
    expect(run.output).toContain(`  ✗ line ${firstLine}: shows a picture, /media/lake.jpg, but there is no such file in public/.`);
    expect(run.output).not.toContain('[build] Complete!');
  }, 240_000);

  it('with strict: false (a draft), the same mistakes are warnings and the site builds', () => {
    const { fixture, firstLine } = withStepEnding([...brokenLinks, '', ...pictures]);
    fixture.edit('site.yaml', '# strict: false', 'strict: false');
    const run = build(fixture, 'dist-strict-test-draft');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain(`  ! line ${firstLine}: links to /modules/no-such-page/, but the site has no page or file at that address.`);
    expect(run.output).toContain(`  ! line ${firstLine + 2}: links to #hope-can-be-smal,`);
    expect(run.output).toContain(`  ! line ${firstLine + 4}: shows a picture (/media/lake.jpg) with no words saying what it shows (alt text)`);
    expect(run.output).not.toContain('✗');
    expect(run.output).toContain('[build] Complete!');
  }, 240_000);
});
