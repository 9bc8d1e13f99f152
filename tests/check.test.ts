/**
 * `npm run check` (scripts/check.ts), run as the real command on a copy of the default content
 * with one mistake each. Only the link tests build the site; the rest use --no-build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

let fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures) fixture.cleanUp();
  fixtures = [];
});

function content(): ContentFixture {
  const fixture = copyDefaultContent();
  fixtures.push(fixture);
  return fixture;
}

interface Run {
  status: number | null;
  output: string;
}

/** `node scripts/check.ts …` with WAYMARK_CONTENT (and WAYMARK_OUT for a build of its own). */
function check(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const { FORCE_COLOR, ...inherited } = process.env; // vitest may force colours; the check is not in a terminal here
    const child = spawn(process.execPath, ['scripts/check.ts', ...args], { env: { ...inherited, ...env } });
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
  it('passes the default content, with every link checked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'waymark-check-'));
    const run = await check([], { WAYMARK_OUT: join(root, 'dist-check-test-default') });
    rmSync(root, { recursive: true, force: true });
    expect(run.output).toMatch(/No problems found\. Links: [\d,]+ checked\.\n$/);
    expect(run.output).toContain('Brand colour #1f5f7a: contrast in each theme');
    expect(run.output).toContain('Reading level of the English pages');
    expect(run.output).not.toMatch(/\u001b\[/); // no colours when not in a terminal
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
    fixture.edit('modules/en/connecting-with-people/index.mdx', /$/, '\n<img src="/favicon.svg" alt="" />\n');
    fixture.edit(step, /$/, '\n![](/favicon.svg)\n\n<img src="/favicon.svg" />\n\n![A calm lake](/media/lake.jpg)\n');
    const run = await quick(fixture);
    const errorsAt = run.output.indexOf(`content/${step}\n`);
    const warningAt = run.output.indexOf('content/modules/en/connecting-with-people/index.mdx\n');
    expect(errorsAt).toBeGreaterThan(0);
    expect(warningAt).toBeGreaterThan(errorsAt);
    expect(run.output).toMatch(/✗ line \d+: shows a picture \(\/favicon\.svg\) with no words saying what it shows \(alt text\)/);
    expect(run.output).toContain('How to fix: Write what the picture shows between the square brackets, like: ![A calm lake at sunrise](/favicon.svg).');
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
    expect(run.output).toMatch(/Brand colour #ffdd00: contrast in each theme \(text needs at least 4\.5:1\)\n.*\n {2}Light +1\.\d\d:1 ✗ too low +\d+\.\d\d:1 ✓\n {2}Dark +1\.\d\d:1 ✗ too low/);
    expect(run.output).toMatch(/1 error and 0 warnings in 1 file\. Links: not checked/);
    expect(run.status).toBe(1);
  });

  it('a translation with missing keys is a warning: the check passes', async () => {
    const fixture = content();
    fixture.edit('site.yaml', '    dir: ltr\n', '    dir: ltr\n  es:\n    label: Español\n    dir: ltr\n');
    fixture.edit('site.yaml', 'help:\n', 'help:\n  es:\n    contacts:\n      - name: Teléfono de la Esperanza\n        phone: "717 003 717"\n');
    mkdirSync(join(fixture.dir, 'pages', 'es'));
    for (const page of ['home', 'help', 'privacy', 'together']) {
      fixture.write(`pages/es/${page}.mdx`, readFileSync(join(fixture.dir, 'pages', 'en', `${page}.mdx`), 'utf8'));
    }
    fixture.write('i18n/es.yaml', 'nav.home: Inicio\nhelp.link: Ayuda ahora\n');
    const run = await quick(fixture);
    expect(run.output).toMatch(
      /content\/i18n\/es\.yaml\n {2}! has no translation for \d+ key\(s\), shown in English for now: skip\.toContent, nav\.label, nav\.modules, /,
    );
    expect(run.output).toContain('Reading level of the English pages (Flesch-Kincaid grade, which works only for English; es not measured)');
    expect(run.output).toMatch(/0 errors and 1 warning in 1 file\./);
    expect(run.status).toBe(0);
  });

  it('a language with no help contacts', async () => {
    const fixture = content();
    fixture.edit('site.yaml', '    dir: ltr\n', '    dir: ltr\n  fr:\n    label: Français\n    dir: ltr\n');
    const run = await quick(fixture);
    expect(run.output).toMatch(/content\/site\.yaml\n {2}✗ line \d+: help has no contacts for "fr"\.\n {4}How to fix: Add a section under help: for this language/);
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
    expect(run.output).toMatch(new RegExp(`content/${step.replace(/[.]/g, '\\.')}\\n {2}! is hard to read: Flesch-Kincaid grade \\d+\\.\\d, above the limit of 9`));
    expect(run.status).toBe(0);
  });

  it('asks for --help and refuses what it does not know', async () => {
    const run = await check(['--no-bild']);
    expect(run.output).toContain('npm run check does not know --no-bild.');
    expect(run.status).toBe(2);
  });
});
