/**
 * `npm run check` (cli/check.ts), run as the real command on a copy of the default content
 * with one mistake each. Only the link tests build the site; the rest use --no-build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProblem, linkProblems } from '../cli/check.ts';
import { checkBuiltLinks, pageSource } from '../src/audits/links';
import { type ContentFixture, copiesRemovedAfterEachTest } from './content-fixture';

const content = copiesRemovedAfterEachTest();

interface Run {
  status: number | null;
  output: string;
}

/** `node cli/check.ts …` with WAYMARK_CONTENT (and WAYMARK_OUT for a build of its own). */
function check(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const { FORCE_COLOR, ...inherited } = process.env; // vitest may force colours; the check is not in a terminal here
    const child = spawn(process.execPath, ['cli/check.ts', ...args], { env: { ...inherited, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output }));
  });
}

const quick = (fixture: ContentFixture) => check(['--no-build'], { WAYMARK_CONTENT: fixture.dir });

/** A build folder next to the fixture's content; its name keys Astro's cache (node_modules/.astro/<name>). */
const buildFolder = (fixture: ContentFixture, name: string) => join(fixture.dir, '..', name);

const step = 'modules/en/hope-and-recovery/small-signs-of-hope.mdx';

describe('npm run check, with a build', () => {
  // The check starts each build with a clean Astro cache, named after the output folder.
  afterAll(() => {
    for (const name of ['dist-check-test-default', 'dist-check-test-links']) rmSync(join('node_modules', '.astro', name), { recursive: true, force: true });
  });

  it('passes the default content, with every link checked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'waymark-check-'));
    const run = await check([], { WAYMARK_OUT: join(root, 'dist-check-test-default') });
    rmSync(root, { recursive: true, force: true });
    expect(run.output).toMatch(/No problems found\. Links: [\d,]+ checked\.\n$/);
    expect(run.output).toContain('Brand colour #1f5f7a: contrast in each theme');
    expect(run.output).toContain('Reading level of the English pages');
    expect(run.output).toBe(stripVTControlCharacters(run.output)); // no colours when not in a terminal
    expect(run.status).toBe(0);
  });

  it('a broken link and two broken #anchors in a step, against the step file and its lines', async () => {
    const fixture = content();
    const lines = readFileSync(join(fixture.dir, step), 'utf8').split('\n').length;
    fixture.edit(
      step,
      /$/,
      '\nRead [the next step](/modules/hope-and-recovery/what-recovery-can-mea/).\n\n' +
        'Or go [back to the top](#hope-can-be-smal), or to [the help page](/help/#not-a-part).\n',
    );
    const run = await check([], { WAYMARK_CONTENT: fixture.dir, WAYMARK_OUT: buildFolder(fixture, 'dist-check-test-links') });
    const file = `content/${step}`;
    expect(run.output).toContain(
      `${file}\n  ✗ line ${lines + 1}: links to /modules/hope-and-recovery/what-recovery-can-mea/, but the site has no page or file at that address.\n` +
        '    How to fix: Did you mean /modules/hope-and-recovery/what-recovery-can-mean/? Check the spelling',
    );
    expect(run.output).toContain(
      `  ✗ line ${lines + 3}: links to #hope-can-be-smal, but this page has no heading or part called #hope-can-be-smal.\n` +
        '    How to fix: Did you mean #hope-can-be-small? The headings there are: ',
    );
    expect(run.output).toContain(`  ✗ line ${lines + 3}: links to /help/#not-a-part, but the page /help/ has no heading or part called #not-a-part.`);
    expect(run.output).toMatch(/3 errors and 0 warnings in 1 file\. Links: [\d,]+ checked\.\n$/);
    expect(run.status).toBe(1);
  });
});

describe('npm run check --no-build', () => {
  it('says the links were not checked', async () => {
    const run = await quick(content());
    expect(run.output).toContain('Links and #parts of pages were not checked (--no-build).');
    expect(run.output).toMatch(/No problems found\. Links: not checked \(--no-build\)\.\n$/);
    expect(run.status).toBe(0);
  });

  it('a caption file that is not there', async () => {
    const fixture = content();
    fixture.edit('stories/en/going-back-to-the-allotment.mdx', 'captions: media/stories/going-back-to-the-allotment.vtt', 'captions: media/stories/rosa.vtt');
    const run = await quick(fixture);
    expect(run.output).toContain(
      'content/stories/en/going-back-to-the-allotment.mdx\n  ✗ line 10: captions is "media/stories/rosa.vtt", but there is no such file in public/.\n    How to fix: Put the file in public/',
    );
    expect(run.status).toBe(1);
  });

  it('a story whose poster picture is not there', async () => {
    const fixture = content();
    fixture.edit('stories/en/going-back-to-the-allotment.mdx', 'src: media/stories/going-back-to-the-allotment.jpg', 'src: media/stories/allotment.jpg');
    const run = await quick(fixture);
    expect(run.output).toContain('✗ line 8: poster → src is "media/stories/allotment.jpg", but there is no such file in public/.');
    expect(run.status).toBe(1);
  });

  it('pictures without alt text or without a file, errors before warnings', async () => {
    const fixture = content();
    const picture = '/media/stories/going-back-to-the-allotment.jpg';
    fixture.edit('modules/en/connecting-with-people/index.mdx', /$/, `\n<img src="${picture}" alt="" />\n`);
    fixture.edit(step, /$/, `\n![](${picture})\n\n<img src="${picture}" />\n\n![A calm lake](/media/lake.jpg)\n`);
    const run = await quick(fixture);
    const errorsAt = run.output.indexOf(`content/${step}\n`);
    const warningAt = run.output.indexOf('content/modules/en/connecting-with-people/index.mdx\n');
    expect(errorsAt).toBeGreaterThan(0);
    expect(warningAt).toBeGreaterThan(errorsAt);
    expect(run.output).toMatch(
      /✗ line \d+: shows a picture \(\/media\/stories\/going-back-to-the-allotment\.jpg\) with no words saying what it shows \(alt text\)/,
    );
    expect(run.output).toContain(`How to fix: Write what the picture shows between the square brackets, like: ![A calm lake at sunrise](${picture}).`);
    expect(run.output).toMatch(/✗ line \d+: has an <img> with no alt text/);
    expect(run.output).toMatch(/✗ line \d+: shows a picture, \/media\/lake\.jpg, but there is no such file in public\//);
    expect(run.output).toMatch(/! line \d+: has an <img> with empty alt text \(alt=""\)/);
    expect(run.output).toMatch(/3 errors and 1 warning in 2 files\./);
    expect(run.status).toBe(1);
  });

  it('two tools with the same id, naming both files', async () => {
    const fixture = content();
    fixture.edit(step, 'id="small-thing-that-helped"', 'id="one-small-step-to-connect"');
    const run = await quick(fixture);
    expect(run.output).toMatch(
      /✗ line \d+: id "one-small-step-to-connect" is also used by a tool in content\/modules\/en\/(connecting-with-people\/reaching-out|hope-and-recovery\/small-signs-of-hope)\.mdx \(line \d+\), so their answers would be saved into each other\./,
    );
    expect(run.status).toBe(1);
  });

  it('a brand colour too light for white text, with the numbers for every theme', async () => {
    const fixture = content();
    fixture.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: "#ffdd00"');
    const run = await quick(fixture);
    expect(run.output).toMatch(/content\/site\.yaml\n {2}✗ line \d+: brandColour is too light: white text on it has a contrast of 1\.\d:1/);
    expect(run.output).toMatch(
      /Brand colour #ffdd00: contrast in each theme \(text needs at least 4\.5:1\)\n.*\n {2}Light +1\.\d\d:1 ✗ too low +\d+\.\d\d:1 ✓\n {2}Dark +1\.\d\d:1 ✗ too low/,
    );
    expect(run.output).toMatch(/1 error and 0 warnings in 1 file\. Links: not checked/);
    expect(run.status).toBe(1);
  });

  it('a translation with missing keys is a warning: the check passes', async () => {
    const fixture = content();
    // Arabic as if the engine had no words for it: the site's own file with two keys.
    fixture.edit('site.yaml', /^ {2}ar:\n {4}label: .*$/m, '  fa:\n    label: فارسی');
    fixture.edit('site.yaml', /^ {2}ar:\n( {4}# Leave empty)/m, '  fa:\n$1');
    for (const kind of ['modules', 'stories', 'pages']) fixture.rename(`${kind}/ar`, `${kind}/fa`);
    fixture.write('i18n/fa.yaml', 'skip.toContent: پرش به محتوای اصلی\nnav.label: اصلی\n');
    const run = await quick(fixture);
    expect(run.output).toMatch(
      /content\/i18n\/fa\.yaml\n {2}! has no translation for \d+ key\(s\), shown in English for now: nav\.menu, nav\.home, nav\.modules, /,
    );
    expect(run.output).toContain('Reading level of the English pages (Flesch-Kincaid grade).');
    expect(run.output).toContain('Reading level of the Spanish pages (Crawford grade, for Spanish).');
    expect(run.output).toContain('Reading level of fa: not measured');
    expect(run.output).toMatch(/0 errors and 1 warning in 1 file\./);
    expect(run.status).toBe(0);
  });

  it('a language with no help contacts', async () => {
    const fixture = content();
    fixture.edit('site.yaml', '    dir: ltr\n', '    dir: ltr\n  fr:\n    label: Français\n    dir: ltr\n');
    const run = await quick(fixture);
    expect(run.output).toMatch(
      /content\/site\.yaml\n {2}✗ line \d+: help has no contacts for "fr"\.\n {4}How to fix: Add a section under help: for this language/,
    );
    expect(run.status).toBe(1);
  });

  it('a module step with no title', async () => {
    const fixture = content();
    fixture.edit(step, 'title: "Small signs of hope"\n', '');
    const run = await quick(fixture);
    expect(run.output).toContain(`content/${step}\n  ✗ line 2: title is missing.\n    How to fix: Add a short title in quotes`);
    expect(run.status).toBe(1);
  });

  it('a component Waymark does not have', async () => {
    const fixture = content();
    fixture.edit(step, '<Callout title="If things feel very dark">', '<Callot title="If things feel very dark">');
    fixture.edit(step, '</Callout>', '</Callot>');
    const run = await quick(fixture);
    expect(run.output).toMatch(/✗ line \d+: uses <Callot>, which is not a component Waymark has\.\n {4}How to fix: Did you mean <Callout>\?/);
    expect(run.status).toBe(1);
  });

  it('a page too hard to read is a warning naming the file', async () => {
    const fixture = content();
    const hard =
      'Psychological interventions necessitate comprehensive collaborative engagement, individualised formulation and systematic evaluation of therapeutic effectiveness throughout implementation.';
    fixture.edit(step, /$/, `\n${Array(12).fill(hard).join(' ')}\n`);
    const run = await quick(fixture);
    expect(run.output).toMatch(
      new RegExp(`content/${step.replace(/[.]/g, '\\.')}\\n {2}! is hard to read: Flesch-Kincaid grade \\d+\\.\\d, above the limit of 9`),
    );
    expect(run.status).toBe(0);
  });

  it('asks for --help and refuses what it does not know', async () => {
    const run = await check(['--no-bild']);
    expect(run.output).toContain('npm run check does not know --no-bild.');
    expect(run.status).toBe(2);
  });
});

describe('the link reader (src/audits/links.ts), on a hand-made site under /waymark/', () => {
  it('finds missing files, missing #parts and addresses outside the base path', () => {
    const out = mkdtempSync(join(tmpdir(), 'waymark-links-'));
    const page = (file: string, html: string) => {
      mkdirSync(join(out, file, '..'), { recursive: true });
      writeFileSync(join(out, file), `<!doctype html><html><body>${html}</body></html>`);
    };
    page('index.html', '<h2 id="modules">Modules</h2><a href="/waymark/help/#emergency">Help</a><a href="/waymark/help/">Help</a>');
    page(
      'help/index.html',
      [
        '<h2 id="emergency">Now</h2><a href="#top">Top</a><a href="#gone">Gone</a><a href="../#modules">Home</a>',
        '<a href="/help/">No base</a><a href="https://example.org/x">Away</a><a href="mailto:a@b.c">Mail</a>',
        '<img src="/waymark/pic.png" srcset="/waymark/pic.png 1x, /waymark/pic-2x.png 2x" alt="A picture">',
        '<a href="/waymark/end-session/#carry=abc">Carry</a><a href="/waymark/help">No slash</a>',
        '<script>const a = \'<a href="/waymark/not-a-link/">\';</script><!-- <a href="/waymark/nor-this/"> -->',
        '<a href="/waymark/modules/x/?q=1&amp;r=2">Query</a>',
      ].join(''),
    );
    page('end-session/index.html', '<p>End</p>');
    page('modules/x/index.html', '<p>X</p>');
    writeFileSync(join(out, 'pic.png'), '');
    try {
      const report = checkBuiltLinks(out, '/waymark/');
      expect(report.pages).toEqual(['/waymark/', '/waymark/end-session/', '/waymark/help/', '/waymark/modules/x/']);
      expect(report.broken.map(({ page: on, url, reason }) => `${on} ${url} ${reason}`)).toEqual([
        '/waymark/help/ #gone no-anchor',
        '/waymark/help/ /help/ outside-base',
        '/waymark/help/ /waymark/pic-2x.png no-file',
      ]);
      expect(report.broken[0]!.headings).toEqual(['emergency']);
      expect(report.checked).toBe(12);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('maps a page back to the content file it is made from', () => {
    const site = { contentDir: 'content', base: '/', defaultLocale: 'en', locales: ['en'] };
    expect(pageSource('/', site)).toBe(join('content', 'pages', 'en', 'home.mdx'));
    expect(pageSource('/help/', site)).toBe(join('content', 'pages', 'en', 'help.mdx'));
    expect(pageSource('/modules/hope-and-recovery/', site)).toBe(join('content', 'modules', 'en', 'hope-and-recovery', 'index.mdx'));
    expect(pageSource('/modules/hope-and-recovery/small-signs-of-hope/', site)).toBe(join('content', step));
    expect(pageSource('/stories/the-first-visit/text/', site)).toBe(join('content', 'stories', 'en', 'the-first-visit.mdx'));
    expect(pageSource('/stories/theme/hope/', site)).toBeUndefined();
    expect(pageSource('/my-plan/', site)).toBeUndefined();
  });
});

describe('a build that stops for a reason the checks did not catch', () => {
  const site = { contentDir: resolve('content'), base: '/', defaultLocale: 'en', locales: ['en'] };
  const shown = (file: string) => relative(process.cwd(), file);

  it("is reported against the page's content file, without the stack trace", () => {
    const output = [
      '03:40:50   ├─ /modules/hope-and-recovery/small-signs-of-hope/index.html03:40:50 [ERROR] ReferenceError: answer is not defined',
      '    at _createMdxContent (file:///site/.astro/.prerender/chunks/small-signs-of-hope_BBXxHIm3.mjs:124:4)',
      '03:40:50 [ERROR] [build] Caught error rendering /modules/hope-and-recovery/small-signs-of-hope/: ReferenceError: answer is not defined',
      'answer is not defined',
      '  Hint:',
      '    This issue often occurs when your MDX component encounters runtime errors.',
      '  Stack trace:',
      '    at _createMdxContent (file:///site/.astro/.prerender/chunks/small-signs-of-hope_BBXxHIm3.mjs:124:4)',
    ].join('\n');
    expect(buildProblem(output, site, shown)).toEqual({
      file: 'content/modules/en/hope-and-recovery/small-signs-of-hope.mdx',
      line: undefined,
      problem: 'stopped the build of the site (the page /modules/hope-and-recovery/small-signs-of-hope/): ReferenceError: answer is not defined',
      fix: 'In MDX, curly brackets hold code, so {answer} is read as code. To show a curly bracket in the text, write \\{ instead of {.',
      severity: 'error',
    });
  });

  it('gives the reason after "Build failed", not the "Build failed" line', () => {
    const output = [
      '\u001b[31m03:42:12 [ERROR] [vite] ✗ Build failed in 2.64s\u001b[39m',
      '[vite]: Rolldown failed to resolve import "virtual:thing" from "/site/src/pages/index.astro".',
      '  Location:',
      '    /site/node_modules/vite/dist/node/chunks/node.js:34880:57',
      '  Stack trace:',
      '    at viteLog (file:///site/node_modules/vite/dist/node/chunks/node.js:34880:57)',
    ].join('\n');
    const problem = buildProblem(output, site, shown);
    expect(problem.file).toBe('the build');
    expect(problem.problem).toBe('stopped the build of the site: Rolldown failed to resolve import "virtual:thing" from "/site/src/pages/index.astro".');
  });
});

describe('broken links in the report', () => {
  const site = { contentDir: resolve('content'), base: '/waymark/', defaultLocale: 'en', locales: ['en'] };
  const shown = (file: string) => relative(process.cwd(), file);
  const pages = ['/waymark/', '/waymark/help/', '/waymark/my-plan/', '/waymark/privacy/'];

  it("a link broken on many pages is one problem, from Waymark's own pages", () => {
    const broken = pages.map((page) => ({ page, url: '/waymark/helpp/', attribute: 'href', reason: 'no-file' as const }));
    expect(linkProblems(broken, pages, site, shown)).toEqual([
      {
        file: 'pages Waymark makes',
        problem: 'links to /waymark/helpp/, but the site has no page or file at that address, on 4 pages (/waymark/, /waymark/help/, /waymark/my-plan/…)',
        fix: "This link is not written in content/: it comes from Waymark's own pages. Please report it, with this message, to whoever looks after your site's code.",
        severity: 'error',
      },
    ]);
  });

  it('a link outside the base path on a page made by Waymark names the page', () => {
    const broken = [{ page: '/waymark/my-plan/', url: '/help/', attribute: 'href', reason: 'outside-base' as const }];
    const [problem] = linkProblems(broken, pages, site, shown);
    expect(problem?.file).toBe('the page /waymark/my-plan/');
    expect(problem?.problem).toBe('links to /help/, which is outside /waymark/, the address the site is built to live at');
  });
});
