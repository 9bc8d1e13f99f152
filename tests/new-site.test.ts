/**
 * `npm run new -- site <folder>` (cli/new-site.ts), run for real into a temporary folder: a site of
 * content only, with no engine file in it, whose package.json installs the engine; the default
 * variant copies Waymark's own content, the minimal one passes the content check as it is; a folder
 * that is not empty is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/contract/load';
import { FeaturesSchema } from '../src/contract/features';
import { SiteSchema } from '../src/contract/site-schema';

const engine = JSON.parse(readFileSync('package.json', 'utf8'));
const here = mkdtempSync(join(tmpdir(), 'waymark-sites-'));
afterAll(() => rmSync(here, { recursive: true, force: true }));

/** `npx waymark new site …`, typed in the temporary folder. */
function newSite(...args: string[]) {
  const run = spawnSync(process.execPath, ['cli/new.ts', 'site', ...args], { env: { ...process.env, INIT_CWD: here }, encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** Every file under a folder, as paths relative to it. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

function expectContentOnly(site: string) {
  const files = filesIn(site);
  expect(files.filter((file) => /^(src|cli|node_modules)\//.test(file))).toEqual([]);
  expect(files.filter((file) => /\.(ts|tsx|astro|jsx)$/.test(file))).toEqual([]);
  expect(files.filter((file) => !/^(content|public)\//.test(file))).toEqual(['.gitignore', '.node-version', 'README.md', 'astro.config.mjs', 'package.json']);

  const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
  expect(pkg).toMatchObject({ private: true, type: 'module' });
  expect(pkg.dependencies).toEqual({ astro: engine.peerDependencies.astro, waymark: `^${engine.version}` });
  expect(pkg.devDependencies).toEqual({ node: engine.devDependencies.node });
  expect(pkg.allowScripts).toEqual(engine.allowScripts);
  expect(Object.keys(pkg.scripts).sort()).toEqual(['build', 'check', 'dev', 'new', 'start']);
  for (const [name, command] of Object.entries(pkg.scripts)) expect(command, name).toBe(`waymark ${name}`);

  const config = readFileSync(join(site, 'astro.config.mjs'), 'utf8');
  expect(config).toContain("import waymark from 'waymark';");
  expect(config).toContain('integrations: [waymark()]');
  expect(config.split('\n').filter((line) => /^\s*\w+:/.test(line))).toEqual(['  integrations: [waymark()],']);

  expect(readFileSync(join(site, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
  const readme = readFileSync(join(site, 'README.md'), 'utf8');
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm run check');
  expect(readme).toContain('content/site.yaml');
  expect(readme).toContain('ADAPTING.md');
}

describe('npm run new -- site', () => {
  it('copies the default content into a site of its own, with no engine file in it', () => {
    const run = newSite('riverside', '--name', 'Riverside Recovery');
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toContain('npm install');
    const site = join(here, 'riverside');
    expectContentOnly(site);
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).name).toBe('riverside');

    expect(filesIn(join(site, 'content')).filter((file) => file !== 'site.yaml')).toEqual(filesIn('content').filter((file) => file !== 'site.yaml'));
    expect(filesIn(join(site, 'public'))).toEqual(filesIn('public/media').map((file) => `media/${file}`));
    const settings = readFileSync(join(site, 'content/site.yaml'), 'utf8');
    expect(parse(settings).name).toBe('Riverside Recovery');
    expect(settings.replace(/^name:.*$/m, '')).toBe(readFileSync('content/site.yaml', 'utf8').replace(/^name:.*$/m, ''));
    const report = checkContent(join(site, 'content'), site);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(Object.keys(report.site.locales)).toEqual(['en', 'es', 'ar']);
  });

  it('with --minimal, writes a small English-only site that passes the content check as it is', () => {
    const run = newSite('Hill House', '--minimal');
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    const site = join(here, 'Hill House');
    expectContentOnly(site);
    expect(JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')).name).toBe('hill-house');
    expect(filesIn(join(site, 'content'))).toEqual([
      'modules/en/keeping-life-on-track/index.mdx',
      'modules/en/keeping-life-on-track/my-early-warning-signs.mdx',
      'modules/en/keeping-life-on-track/what-helps-and-who-can-help.mdx',
      'pages/en/help.mdx',
      'pages/en/home.mdx',
      'pages/en/privacy.mdx',
      'pages/en/together.mdx',
      'site.yaml',
    ]);
    expect(filesIn(join(site, 'public'))).toEqual([]);

    const report = checkContent(join(site, 'content'), site);
    expect(report.problems).toEqual([]);
    expect(report.site.name).toBe('Hill House');
    expect(Object.keys(report.site.locales)).toEqual(['en']);
    expect(readFileSync(join(site, 'content/pages/en/home.mdx'), 'utf8')).toContain('title: "Welcome to Hill House"');
  });

  it('shows every setting in the minimal site.yaml, each example valid once its # is taken away', () => {
    const settings = readFileSync(join(here, 'Hill House', 'content/site.yaml'), 'utf8');
    for (const key of Object.keys(SiteSchema.shape)) expect(settings, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    for (const key of Object.keys(FeaturesSchema.shape)) expect(settings, `features.${key}`).toMatch(new RegExp(`^#\\s+${key}: true$`, 'm'));
    // Lines like "# name: value" or "#   - name: value" are examples; other comment lines are words.
    const uncommented = settings.replace(/^# ( *(- )?[A-Za-z]+:( |$))/gm, '$1');
    const examples = SiteSchema.safeParse(parse(uncommented));
    expect(examples.error?.issues ?? []).toEqual([]);
    expect(examples.data?.features).toEqual(FeaturesSchema.parse({}));
    expect(examples.data?.help['en']?.contacts[0]?.name).toBe('Our crisis team');
  });

  it('refuses a folder that is not empty, and leaves it as it was', () => {
    const folder = join(here, 'taken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const run = newSite('taken');
    expect(run.status).toBe(1);
    expect(run.err).toContain('is not empty');
    expect(run.err).not.toMatch(/^\s+at /m);
    expect(readdirSync(folder)).toEqual(['notes.txt']);

    const again = newSite('riverside', '--minimal');
    expect(again.status).toBe(1);
    expect(readFileSync(join(here, 'riverside/content/site.yaml'), 'utf8')).toContain('Riverside Recovery');
  });

  it('refuses a name too long for the header, and asks for a folder', () => {
    expect(newSite('long', '--name', 'A name far too long to fit in the header of any phone').err).toContain('the most is 40');
    expect(newSite().err).toContain('Say which folder');
  });
});
