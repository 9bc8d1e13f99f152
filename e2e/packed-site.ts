/**
 * `npm run build:sites`: proof that a service's site takes the engine from npm and builds. It packs
 * the engine (`npm pack`), makes a site with the starter (`npm run new -- site`, default content),
 * lays the fork fixture over it (tests/fixtures/fork/: its own settings, French, a module, a logo;
 * the languages it does not use taken out), installs the packed engine into it as a service would,
 * and builds it with its own `npm run build` into its dist/ (outside this repository: see
 * packed-site-dir.ts), which e2e/fork.spec.ts tests.
 * One line a step; a step that fails stops everything, with its output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { packedSite } from './packed-site-dir.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixture = join(root, 'tests', 'fixtures', 'fork');
const site = packedSite;

/**
 * The commands run as in a fresh terminal: none of this run's npm settings (npm_config_local_prefix
 * would send `npm install` to the engine's own folder) and no WAYMARK_ overrides; where the npm
 * cache and registry are is kept. This run's Node.js comes first, so the site uses the same one.
 */
const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_cafile']);
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => kept.has(key) || !/^(npm_|WAYMARK_|INIT_CWD$)/i.test(key)));
env['PATH'] = `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`;

function say(line: string): void {
  console.log(`packed-site: ${line}`);
}

/** A step that failed: what it was, and the output of the command that failed. */
class Failure extends Error {
  output: string;
  constructor(what: string, output = '') {
    super(what);
    this.output = output;
  }
}

function fail(what: string, output = ''): never {
  throw new Failure(what, output);
}

/** Runs a command; its output is shown only when it fails. */
function run(what: string, command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) fail(`${what}: ${result.error.message}`, output);
  if (result.status !== 0)
    fail(`${what} (\`${command} ${args.join(' ')}\` in ${relative(root, cwd) || '.'} exited with ${result.status ?? result.signal})`, output);
  return result.stdout;
}

const timings: [string, number][] = [];

/** Runs one step, and says how long it took. */
function step<T>(what: string, work: () => T): T {
  say(`${what}…`);
  const start = performance.now();
  const result = work();
  const seconds = (performance.now() - start) / 1000;
  timings.push([what, seconds]);
  say(`  done in ${seconds.toFixed(1)} s`);
  return result;
}

// The fixture is a service's own files, and nothing of the engine's.
const fixtureParts = readdirSync(fixture).filter((name) => name !== 'README.md');
if (fixtureParts.some((name) => name !== 'content' && name !== 'public')) {
  console.error(
    `packed-site: FAILED: tests/fixtures/fork/ should hold only content/, public/ and README.md, like a service's site; it has: ${fixtureParts.join(', ')}`,
  );
  process.exit(1);
}

const packDir = mkdtempSync(join(tmpdir(), 'waymark-pack-'));
try {
  const tarball = step('packing the engine (npm pack)', () => {
    const [packed] = JSON.parse(run('npm pack', 'npm', ['pack', '--json', '--pack-destination', packDir], root)) as { filename: string }[];
    if (!packed) fail('npm pack wrote no package');
    return join(packDir, packed.filename);
  });

  if (existsSync(site)) step(`clearing the last run's ${site}/`, () => rmSync(site, { recursive: true, force: true }));

  step(`making a site with the starter in ${site}/ (default content)`, () => {
    mkdirSync(dirname(site), { recursive: true });
    run('npm run new -- site', process.execPath, [join(root, 'cli', 'new.ts'), 'site', site], root);
    for (const file of ['package.json', 'astro.config.mjs', 'content/site.yaml']) {
      if (!existsSync(join(site, file))) fail(`the starter wrote no ${file}`);
    }
  });

  step('laying the fork fixture over it (tests/fixtures/fork/)', () => {
    // The fork keeps the languages in its own site.yaml, and deletes the starter's others.
    const keep = Object.keys(parse(readFileSync(join(fixture, 'content', 'site.yaml'), 'utf8')).locales ?? {});
    for (const part of ['modules', 'pages', 'stories']) {
      const dir = join(site, 'content', part);
      for (const locale of existsSync(dir) ? readdirSync(dir) : []) {
        if (!keep.includes(locale)) rmSync(join(dir, locale), { recursive: true });
      }
    }
    const strings = join(site, 'content', 'i18n');
    for (const file of existsSync(strings) ? readdirSync(strings) : []) {
      if (!keep.includes(file.replace(/\.yaml$/, ''))) rmSync(join(strings, file));
    }
    for (const part of fixtureParts) cpSync(join(fixture, part), join(site, part), { recursive: true });
  });

  step('installing the packed engine into it (npm install)', () => {
    // --omit=dev: the Node.js in devDependencies is for computers with an older one; this run's is used.
    run('npm install', 'npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], site);
    const installed = JSON.parse(readFileSync(join(site, 'node_modules', 'waymark', 'package.json'), 'utf8')) as { version: string };
    say(`  waymark ${installed.version} installed from ${basename(tarball)}`);
  });

  step('building it with its own npm run build', () => {
    run('npm run build', 'npm', ['run', 'build'], site);
    const pages = readdirSync(join(site, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.html'));
    if (!existsSync(join(site, 'dist', 'index.html'))) fail('the build wrote no dist/index.html');
    say(`  ${pages.length} pages in ${join(site, 'dist')}/`);
  });

  const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
  say(`all done in ${total.toFixed(1)} s (${timings.map(([what, seconds]) => `${what.split(' (')[0]}: ${seconds.toFixed(1)} s`).join('; ')})`);
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  if (error.output.trim()) console.error(error.output.trimEnd());
  console.error(`packed-site: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
