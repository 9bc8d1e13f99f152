/**
 * `npm run new` (cli/new.ts), run for real on a copy of the default content: what it makes
 * passes the content checks, keeps tool ids unique, refuses to overwrite, adds a working
 * language without losing site.yaml's comments, answers piped questions, and builds unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/contract/load';
import { placeholderLines, placeholderMarker } from '../src/contract/placeholder';
import { slugFromTitle } from '../src/contract/slug';
import { copyDefaultContent } from './content-fixture';

const content = copyDefaultContent();
const root = join(content.dir, '..');
afterAll(() => content.cleanUp());

/** `node cli/new.ts …` on the copy, as `npm run new -- …` runs it. */
function runNew(args: string[], input = '') {
  const run = spawnSync(process.execPath, ['cli/new.ts', ...args], {
    env: { ...process.env, WAYMARK_CONTENT: content.dir },
    input,
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

const read = (file: string) => readFileSync(join(content.dir, file), 'utf8');
const errors = () => checkContent(content.dir, root).problems.filter((p) => p.severity === 'error');
const idsBefore = new Set(checkContent(content.dir, root).tools.map((tool) => tool.id));

describe('slugFromTitle', () => {
  it('makes a web address from a title: lower case, ASCII, single dashes', () => {
    expect(slugFromTitle('Coping with money worries')).toBe('coping-with-money-worries');
    expect(slugFromTitle("  Café Ñandú: Jo's story! ")).toBe('cafe-nandu-jos-story');
    expect(slugFromTitle('Straße, Œuvre & Łódź')).toBe('strasse-oeuvre-lodz');
    expect(slugFromTitle('نجمة')).toBe('');
    const long = slugFromTitle('A very long title that goes on and on about many different things at once');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('npm run new', () => {
  const moduleDir = 'modules/en/coping-with-money-worries';

  it('makes a module: an overview and two steps that pass the content checks', () => {
    const run = runNew(['module', 'Coping with money worries']);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    for (const file of ['index.mdx', 'first-step.mdx', 'second-step.mdx']) expect(content.exists(`${moduleDir}/${file}`), file).toBe(true);
    expect(run.out).toContain(`content/${moduleDir}/index.mdx`);
    expect(run.out).toContain('npm run check');
    expect(errors()).toEqual([]);

    const overview = read(`${moduleDir}/index.mdx`);
    expect(overview).toContain('title: "Coping with money worries"');
    expect(overview).toMatch(/^## Sources$/m);
    expect(placeholderLines(overview).length).toBeGreaterThan(0);
    const steps = read(`${moduleDir}/first-step.mdx`) + read(`${moduleDir}/second-step.mdx`);
    expect(steps).toMatch(/<ForWorkers\b/);
    expect(read(`${moduleDir}/second-step.mdx`)).toMatch(/<TryThisWeek>/);
    expect(steps).toContain(placeholderMarker);
  });

  it('builds as it is, and the check warns about each "Write here:" note left', () => {
    const warnings = checkContent(content.dir, root).problems.filter((p) => p.severity === 'warning' && p.file.includes('coping-with-money-worries'));
    expect(warnings.map((w) => w.file).sort()).toEqual(
      ['first-step.mdx', 'index.mdx', 'second-step.mdx'].map((name) => expect.stringContaining(`${moduleDir}/${name}`)),
    );
    expect(warnings[0]!.problem).toMatch(/still has \d+ "Write here:" note\(s\) from npm run new/);
  });

  it('gives the module two tools whose ids no other tool uses', () => {
    const ours = checkContent(content.dir, root).tools.filter((tool) => tool.module === 'coping-with-money-worries');
    expect(ours.map((tool) => tool.kind).sort()).toEqual(['checklist', 'reflection']);
    for (const tool of ours) expect(idsBefore.has(tool.id), tool.id).toBe(false);
    expect(new Set(ours.map((tool) => tool.id)).size).toBe(2);
  });

  it('refuses a module that is already there, and changes nothing', () => {
    const before = read(`${moduleDir}/index.mdx`);
    const run = runNew(['module', 'Coping with money worries']);
    expect(run.status).toBe(1);
    expect(run.err).toContain('There is already a module at');
    expect(run.err).toContain('--slug');
    expect(run.err).not.toMatch(/^\s+at /m);
    expect(read(`${moduleDir}/index.mdx`)).toBe(before);
  });

  it('refuses a title it cannot make an address from, until one is given with --slug', () => {
    expect(runNew(['module', 'نجمة']).err).toContain('Choose one with --slug');
    expect(runNew(['story', 'A story', '--locale', 'xx']).err).toContain('npm run new -- locale xx');
  });

  it('makes a text story, and puts it in the place its module kept for it', () => {
    const run = runNew(['story', 'Finding the quiet', '--module', 'coping-with-money-worries']);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    const story = read('stories/en/finding-the-quiet.mdx');
    expect(story).toMatch(/^kind: text$/m);
    expect(story).toMatch(/^composite: false$/m);
    expect(story).toMatch(/^modules: \[coping-with-money-worries\]$/m);
    expect(story).toContain('captions'); // the notes on making it a recording
    expect(read(`${moduleDir}/first-step.mdx`)).toContain('<Story id="finding-the-quiet" />');
    expect(errors()).toEqual([]);
  });

  it('adds a language: site.yaml keeps its comments, and the new language works', () => {
    const siteBefore = read('site.yaml');
    const run = runNew(['locale', 'fa']);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    const siteAfter = read('site.yaml');
    for (const comment of siteBefore.split('\n').filter((line) => line.trimStart().startsWith('#'))) expect(siteAfter).toContain(comment);

    const { site } = checkContent(content.dir, root);
    expect(site.locales['fa']).toEqual({ label: 'فارسی', dir: 'rtl', reviewed: false });
    expect(site.help['fa']?.contacts.length).toBeGreaterThan(0);
    expect(parse(siteAfter).help.fa).toEqual(parse(siteBefore).help.en);
    for (const page of ['home', 'help', 'privacy', 'together']) expect(content.exists(`pages/fa/${page}.mdx`), page).toBe(true);
    const strings = parse(read('i18n/fa.yaml'));
    expect(Object.keys(strings)).toEqual(Object.keys(parse(readFileSync('src/i18n/strings/en.yaml', 'utf8'))));
    expect(read('i18n/fa.yaml')).toContain(placeholderMarker);
    expect(errors()).toEqual([]);

    expect(runNew(['locale', 'fa']).err).toContain('already one of the site');
  });

  it('asks its questions when run with no arguments, and takes piped answers', () => {
    const module = runNew([], '1\nSleep and rest again\n\nsleep-again\n');
    expect(module.status).toBe(0);
    expect(module.out).toContain('What would you like to make?');
    expect(content.exists('modules/en/sleep-again/index.mdx')).toBe(true);

    const story = runNew([], '2\nA story in Persian\nfa\na-story\n\n');
    expect(story.status).toBe(0);
    expect(content.exists('stories/fa/a-story.mdx')).toBe(true);

    const language = runNew([], '3\nfr\n\n\n');
    expect(language.status).toBe(0);
    expect(checkContent(content.dir, root).site.locales['fr']).toEqual({ label: 'Français', dir: 'ltr', reviewed: false });
    expect(errors()).toEqual([]);

    const stopped = runNew([], '1\n');
    expect(stopped.status).toBe(1);
    expect(stopped.err).toContain('No title was given. Nothing was made.');
  });

  it('Scaffolded files build unchanged', () => {
    const out = join(root, 'dist-scaffold');
    // The build's cache (astro.config.mjs: node_modules/.astro/<out folder's name>) still holds the
    // last run's temporary content folder, now deleted, and Astro would look for its files there.
    const cache = join('node_modules', '.astro', 'dist-scaffold');
    rmSync(cache, { recursive: true, force: true });
    const build = spawnSync('node_modules/.bin/astro', ['build'], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_CONTENT: content.dir, WAYMARK_OUT: out },
      encoding: 'utf8',
    });
    rmSync(cache, { recursive: true, force: true });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    for (const page of [
      'modules/coping-with-money-worries',
      'modules/coping-with-money-worries/first-step',
      'stories/finding-the-quiet',
      'fa',
      'fa/help',
      'fa/stories/a-story',
      'fr',
    ]) {
      expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
    }
    const step = readFileSync(join(out, 'modules/coping-with-money-worries/first-step/index.html'), 'utf8');
    expect(step).toContain('/stories/finding-the-quiet/');
    const overview = readFileSync(join(out, 'modules/coping-with-money-worries/index.html'), 'utf8');
    expect(overview).not.toContain('npm run new'); // the notes for the writer stay in the source
    expect(readFileSync(join(out, 'fa/index.html'), 'utf8')).toMatch(/<html lang="fa" dir="rtl"/);
  });
});
