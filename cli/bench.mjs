/**
 * `npm run bench`: how heavy Waymark's pages are, how fast it builds a large site, and what
 * Lighthouse thinks of it.
 *
 *   1. Builds the real site into a temporary folder and, for each page type, measures the bytes a
 *      browser downloads (HTML, JS, CSS; raw and gzip) and how many requests the page makes.
 *   2. Builds a copy of `content/` with 1,000 generated MDX pages added: wall time, pages/s and
 *      peak memory of the build.
 *   3. Runs Lighthouse (mobile, default config) on the home, a module and a step page, served by
 *      `astro preview` from the build of part 1.
 *
 * Prints a table and writes every figure to `bench-results/bench.json` (plus each Lighthouse
 * report, to see which audits cost points). Flags: `--skip-lighthouse`, `--skip-build-1000`.
 * Everything temporary lives in one folder under os.tmpdir(), removed at the end, also on failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'bench-results');
const previewPort = 4399;
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags that let Chromium run headless in this container (see /work/shared/STACK.md).
const chromeFlags =
  '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run ' +
  '--disable-background-networking --disable-component-update --disable-sync';
// Astro keeps a cache per output folder name (astro.config.mjs): ours are throw-away too.
const astroCaches = ['bench-site', 'bench-1000'];
const generated = { modules: 50, stepsPerModule: 19 }; // 50 × (1 overview + 19 steps) = 1,000 MDX files

/** A failure with the name of the bench step it happened in, printed without a stack trace. */
class BenchError extends Error {}

// Children still running and the temp folder: cleaned up on Ctrl-C too, not only in `finally`.
const running = new Set();
let workDir;

async function main() {
  const options = parseFlags(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => abort(signal));
  // Checked first, so a busy port or a missing browser fails now, not after the builds.
  if (options.lighthouse) await lighthousePreflight();
  workDir = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
  const results = {
    date: new Date().toISOString(),
    machine: { node: process.versions.node, cpus: availableParallelism(), platform: process.platform },
  };
  try {
    const siteOut = join(workDir, 'bench-site');
    const siteBuild = await step('Building the site', () => astroBuild({ out: siteOut }));
    results.siteBuild = buildFigures(siteBuild, countHtml(siteOut));
    results.pages = await step('Measuring page weight', () => measurePages(siteOut));
    if (options.build1000) results.build1000 = await step('Building 1,000 generated MDX pages', build1000);
    if (options.lighthouse) {
      const urls = { home: results.pages.home.url, module: results.pages.module.url, step: results.pages.step.url };
      results.lighthouse = await step('Running Lighthouse', () => lighthouseAll(siteOut, urls));
    }
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
    printReport(results);
    console.log(`\nAll figures: ${relative(process.cwd(), join(resultsDir, 'bench.json'))}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    for (const name of astroCaches) removeAstroCache(name);
  }
}

function parseFlags(args) {
  const known = ['--skip-lighthouse', '--skip-build-1000'];
  const unknown = args.filter((arg) => !known.includes(arg));
  if (unknown.length) throw new BenchError(`unknown flag(s) ${unknown.join(' ')}; known: ${known.join(', ')}`);
  return { lighthouse: !args.includes('--skip-lighthouse'), build1000: !args.includes('--skip-build-1000') };
}

/** Runs one part of the bench, saying what it does, and names it if it fails. */
async function step(name, fn) {
  console.error(`› ${name}…`);
  const started = performance.now();
  try {
    const result = await fn();
    console.error(`  done in ${seconds(started)} s`);
    return result;
  } catch (error) {
    if (error instanceof BenchError) throw new BenchError(`${name}: ${error.message}`);
    throw error;
  }
}

function abort(signal) {
  for (const child of running) killGroup(child, 'SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  for (const name of astroCaches) removeAstroCache(name);
  console.error(`\nbench stopped by ${signal}; temporary files removed.`);
  process.exit(130);
}

// ---------------------------------------------------------------------------------------------
// Child processes

/**
 * Starts a command in its own process group, so that it and anything it starts (Chromium, workers)
 * can be stopped together. Runs the given JS file with this Node, never with an older one on PATH.
 */
function start(script, args, { env = {} } = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  // Keep the end of the output to show if it fails.
  child.output = [];
  const keep = (chunk) => {
    child.output.push(...chunk.toString().split('\n'));
    if (child.output.length > 400) child.output.splice(0, child.output.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolveExit) => {
    child.on('error', (error) => resolveExit({ code: null, error }));
    child.on('close', (code, signal) => {
      running.delete(child);
      resolveExit({ code, signal });
    });
  });
  return child;
}

/** Runs a command to the end; throws with the tail of its output if it fails. */
async function run(what, script, args, options) {
  const child = start(script, args, options);
  const watcher = options?.trackMemory ? watchMemory(child.pid) : undefined;
  const { code, signal, error } = await child.exited;
  watcher?.stop();
  killGroup(child, 'SIGKILL'); // anything it left behind (e.g. a Chromium after a crash)
  if (code !== 0) {
    const tail = child.output.filter(Boolean).slice(-40).join('\n');
    const why = error ? error.message : signal ? `was killed by ${signal}` : `exited with code ${code}`;
    throw new BenchError(`${what} ${why}\n--- last output ---\n${tail}`);
  }
  return { output: child.output, peakBytes: watcher?.peakBytes() };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Polls the peak resident memory (VmHWM) of a process and all its descendants. Each process's
 * own high-water mark is kept and the marks are summed: a slight over-estimate if children peak
 * at different times, but an Astro build is essentially one Node process.
 */
function watchMemory(pid) {
  const peaks = new Map();
  const poll = () => {
    for (const p of processTree(pid)) {
      const hwm = vmHwm(p);
      if (hwm > (peaks.get(p) ?? 0)) peaks.set(p, hwm);
    }
  };
  const timer = setInterval(poll, 100);
  poll();
  return {
    stop: () => clearInterval(timer),
    peakBytes: () => [...peaks.values()].reduce((sum, bytes) => sum + bytes, 0),
  };
}

function processTree(pid) {
  const tree = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop();
    tree.push(current);
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8');
        queue.push(...children.split(' ').filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return tree;
}

function vmHwm(pid) {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Builds

const astroBin = join(root, 'node_modules', '.bin', 'astro');

/** `astro build` of a content folder into `out`, timed and with its peak memory. */
async function astroBuild({ content = join(root, 'content'), out }) {
  const started = performance.now();
  const { peakBytes } = await run('astro build', astroBin, ['build'], {
    // The base is fixed at `/` so that page addresses and preview URLs are the plain ones.
    env: { WAYMARK_CONTENT: content, WAYMARK_OUT: out, WAYMARK_BASE: '/' },
    trackMemory: true,
  });
  return { seconds: seconds(started), peakBytes };
}

function buildFigures(build, pages) {
  return {
    seconds: build.seconds,
    pages,
    pagesPerSecond: round(pages / build.seconds, 1),
    peakMemoryMiB: round(build.peakBytes / 2 ** 20, 0),
  };
}

function removeAstroCache(outName) {
  rmSync(join(root, 'node_modules', '.astro', outName), { recursive: true, force: true });
}

async function build1000() {
  const content = join(workDir, 'content-1000');
  const out = join(workDir, 'bench-1000');
  try {
    await cp(join(root, 'content'), content, { recursive: true });
    const files = await generateModules(join(content, 'modules', 'en'));
    removeAstroCache('bench-1000'); // a cold build, as in CI, not one helped by the last run
    const build = await astroBuild({ content, out });
    return { generatedMdxFiles: files, ...buildFigures(build, countHtml(out)) };
  } finally {
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** Writes `bench-NN/` modules with valid frontmatter (see src/contract/module-schema.ts). */
async function generateModules(modulesDir) {
  const themes = ['connectedness', 'hope', 'identity', 'meaning', 'empowerment'];
  let files = 0;
  for (let m = 1; m <= generated.modules; m++) {
    const nn = String(m).padStart(2, '0');
    const dir = join(modulesDir, `bench-${nn}`);
    await mkdir(dir, { recursive: true });
    const write = async (name, frontmatter, body) => {
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
          themes: [themes[s % themes.length], themes[(s + m) % themes.length]].filter((t, i, a) => a.indexOf(t) === i),
        },
        paragraphs(`step ${ss} of module ${nn}`, s % 3 === 0), // a <Callout> in every third step
      );
    }
  }
  return files;
}

function mdx({ title, summary, order, minutes = 5, themes = ['hope'] }, body) {
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

function paragraphs(name, withCallout) {
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

function countHtml(dir) {
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

// ---------------------------------------------------------------------------------------------
// Page weight

/** Finds one page of each type in the build and measures it. */
async function measurePages(outDir) {
  const homeHtml = await readFile(fileForUrl(outDir, '/'), 'utf8');
  // The first module the home page lists, and the first step that module page links to.
  const moduleUrl = firstLink(homeHtml, '/', /^\/modules\/[^/]+\/$/);
  if (!moduleUrl) throw new BenchError('the home page links to no module (/modules/<name>/)');
  const moduleHtml = await readFile(fileForUrl(outDir, moduleUrl), 'utf8');
  const stepUrl = firstLink(moduleHtml, moduleUrl, new RegExp(`^${moduleUrl}[^/]+/$`));
  if (!stepUrl) throw new BenchError(`the module page ${moduleUrl} links to no step`);
  const storiesHtml = existsSync(fileForUrl(outDir, '/stories/')) ? await readFile(fileForUrl(outDir, '/stories/'), 'utf8') : '';
  const storyUrl = firstLink(storiesHtml, '/stories/', /^\/stories\/(?!theme\/|module\/)[^/]+\/$/);
  const urls = { home: '/', module: moduleUrl, step: stepUrl, story: storyUrl, 'my plan': '/my-plan/', search: '/search/', help: '/help/', privacy: '/privacy/', es: '/es/', ar: '/ar/', 404: '/404.html' };
  for (const [type, url] of Object.entries(urls)) if (!url || !existsSync(fileForUrl(outDir, url))) delete urls[type];
  const pages = {};
  for (const [type, url] of Object.entries(urls)) pages[type] = await measurePage(outDir, url);
  return pages;
}

function firstLink(html, pageUrl, pattern) {
  for (const [, attrs] of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = parseAttributes(attrs).get('href');
    if (!href) continue;
    const url = sameOriginPath(href, pageUrl);
    if (url && pattern.test(url)) return url;
  }
  return undefined;
}

async function measurePage(outDir, url) {
  const file = fileForUrl(outDir, url);
  if (!existsSync(file)) throw new BenchError(`${url} was not built (no ${relative(outDir, file)})`);
  const html = await readFile(file);
  const refs = pageReferences(html.toString(), url);
  const js = await collect(outDir, refs.scripts, jsImports);
  const css = await collect(outDir, refs.stylesheets, cssImports);
  // Anything else a stylesheet loads (fonts, background images) is fetched too.
  const other = new Set([...refs.other, ...css.extra]);
  const requested = new Set([...js.files.keys(), ...css.files.keys(), ...other]);
  const sizes = (files, inline) => ({
    raw: sum([...files.values()].map((b) => b.length)) + sum(inline.map((t) => Buffer.byteLength(t))),
    gzip: sum([...files.values()].map(gzipSize)) + sum(inline.map(gzipSize)),
  });
  const missing = [...requested].filter((path) => !existsSync(fileForUrl(outDir, path)));
  return {
    url,
    html: { raw: html.length, gzip: gzipSize(html) },
    // Inline <script>/<style> bodies are counted here and are also part of the HTML figures.
    js: { ...sizes(js.files, refs.inlineScripts), files: [...js.files.keys()], inline: refs.inlineScripts.length },
    css: { ...sizes(css.files, refs.inlineStyles), files: [...css.files.keys()], inline: refs.inlineStyles.length },
    requests: 1 + requested.size,
    resources: [...requested],
    crossOrigin: refs.crossOrigin,
    missing,
  };
}

/**
 * What the browser fetches while loading a page, by kind. Regexes are enough for Astro's own
 * output; comments are dropped first so commented-out tags do not count.
 */
function pageReferences(html, pageUrl) {
  html = html.replace(/<!--[\s\S]*?-->/g, '');
  const refs = { scripts: [], inlineScripts: [], stylesheets: [], inlineStyles: [], other: [], crossOrigin: [] };
  const add = (kind, ref) => {
    if (!ref || ref.startsWith('data:')) return;
    const path = sameOriginPath(ref, pageUrl);
    if (path) refs[kind].push(path);
    else refs.crossOrigin.push(ref);
  };

  for (const [, attrText, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = parseAttributes(attrText);
    const type = (attrs.get('type') ?? '').toLowerCase();
    // JSON-LD, import maps, speculation rules and the like are data, not script.
    if (!['', 'module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    if (attrs.has('src')) add('scripts', attrs.get('src'));
    else if (body.trim()) refs.inlineScripts.push(body);
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) refs.inlineStyles.push(body);

  for (const [, attrText] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = parseAttributes(attrText);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attrs.get('href');
    if (rel.includes('stylesheet')) add('stylesheets', href);
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as') === 'script'))
      add('scripts', href);
    else if (rel.includes('preload') && attrs.get('as') === 'style') add('stylesheets', href);
    // Icons, the manifest and other preloads are fetched on load; prefetch, canonical etc. are not.
    else if (rel.some((r) => ['icon', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload'].includes(r)))
      add('other', href);
  }

  // Astro islands load their component and renderer as modules when they hydrate.
  for (const [, attrText] of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = parseAttributes(attrText);
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) add('scripts', attrs.get(name));
  }
  const media = { img: 'src', video: 'poster', audio: 'src', iframe: 'src', embed: 'src', object: 'data' };
  for (const [tag, attr] of Object.entries(media)) {
    for (const [, attrText] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi')))
      add('other', parseAttributes(attrText).get(attr));
  }
  return refs;
}

function parseAttributes(text) {
  const attrs = new Map();
  for (const [, name, dq, sq, bare] of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs.set(name.toLowerCase(), decodeEntities(dq ?? sq ?? bare ?? ''));
  }
  return attrs;
}

function decodeEntities(value) {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, e) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]);
}

/**
 * Reads a set of JS or CSS files and, recursively, what they import statically (module chunks,
 * @import-ed stylesheets): the browser fetches those before the page is ready. Dynamic import()
 * is left out: it loads later, if at all.
 */
async function collect(outDir, paths, findImports) {
  const files = new Map();
  const extra = new Set();
  const queue = [...paths];
  while (queue.length) {
    const path = queue.shift();
    if (files.has(path)) continue;
    const file = fileForUrl(outDir, path);
    if (!existsSync(file)) {
      files.set(path, Buffer.alloc(0)); // reported as missing by the caller
      continue;
    }
    const content = await readFile(file);
    files.set(path, content);
    const { same, other } = findImports(content.toString(), path);
    queue.push(...same);
    for (const ref of other) extra.add(ref);
  }
  return { files, extra: [...extra] };
}

function jsImports(code, fromPath) {
  // `import{a as b}from"../scripts/chunk.js"`, `import"../scripts/x.js"`, `export*from"../scripts/y.js"` (minified or not).
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']/g;
  const same = [...code.matchAll(pattern)].map((m) => sameOriginPath(m[1], fromPath)).filter(Boolean);
  return { same, other: [] };
}

function cssImports(css, fromPath) {
  const imports = [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1]);
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]+?)["']?\s*\)/g)]
    .map((m) => m[1])
    .filter((u) => !imports.includes(u));
  const resolveAll = (refs) =>
    refs
      .filter((r) => !r.startsWith('data:') && !r.startsWith('#'))
      .map((r) => sameOriginPath(r, fromPath))
      .filter(Boolean);
  return { same: resolveAll(imports), other: resolveAll(urls) };
}

/** The path of a reference if it is on the site's own origin, else undefined. */
function sameOriginPath(ref, fromPath) {
  const origin = 'http://waymark.invalid';
  const url = new URL(ref, origin + fromPath);
  return url.origin === origin ? decodeURIComponent(url.pathname) : undefined;
}

/** `/modules/x/` → `<out>/modules/x/index.html`; refuses paths that leave the build folder. */
function fileForUrl(outDir, path) {
  const file = resolve(outDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(outDir + sep)) throw new BenchError(`${path} points outside the build folder`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

const lighthouseBin = join(root, 'node_modules', '.bin', 'lighthouse');

async function lighthousePreflight() {
  if (!existsSync(chromePath)) throw new BenchError(`no Chromium at ${chromePath}; install it or set CHROMIUM_PATH`);
  // Otherwise Lighthouse would test whatever else is listening there.
  const origin = `http://127.0.0.1:${previewPort}`;
  if (await answers(origin)) throw new BenchError(`something is already listening on ${origin}; stop it and run again`);
}

async function lighthouseAll(outDir, urls) {
  return withPreview(outDir, async (origin) => {
    const results = {};
    // One URL at a time: two Chromiums on 2 cores would distort each other's timings.
    for (const [type, path] of Object.entries(urls)) {
      console.error(`  ${type}: ${origin}${path}`);
      results[type] = await lighthouse(`${origin}${path}`, type);
    }
    return results;
  });
}

async function lighthouse(url, type) {
  const reportPath = join(workDir, `lighthouse-${type}.json`);
  await run(
    `lighthouse ${url}`,
    lighthouseBin,
    [
      url,
      `--chrome-flags=${chromeFlags}`,
      '--output=json',
      `--output-path=${reportPath}`,
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    // Lighthouse 13's CLI has no --chrome-path flag (it would be silently ignored): its Chrome
    // launcher reads CHROME_PATH, and would otherwise pick any Chrome it finds. TMPDIR keeps
    // Chrome's profile folder inside ours, so it goes too if Chrome fails to start.
    { env: { CHROME_PATH: chromePath, TMPDIR: await mkdtemp(join(workDir, 'chrome-')) } },
  );
  const lhr = JSON.parse(await readFile(reportPath, 'utf8'));
  if (lhr.runtimeError) throw new BenchError(`Lighthouse could not test ${url}: ${lhr.runtimeError.message}`);
  // Keep the full report next to bench.json: it explains any score below 100.
  await mkdir(resultsDir, { recursive: true });
  await copyFile(reportPath, join(resultsDir, `lighthouse-${type}.json`));

  const scores = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    if (category.score === null) throw new BenchError(`Lighthouse gave no ${id} score for ${url}`);
    scores[id] = Math.round(category.score * 100);
  }
  const metric = (id) => lhr.audits[id]?.numericValue;
  // An audit's weight in the scores: Lighthouse 13's "insights" have weight 0 (hints, no points).
  const weight = new Map();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) weight.set(ref.id, Math.max(weight.get(ref.id) ?? 0, ref.weight));
  }
  return {
    url,
    scores,
    metrics: {
      fcpMs: round(metric('first-contentful-paint'), 0),
      lcpMs: round(metric('largest-contentful-paint'), 0),
      tbtMs: round(metric('total-blocking-time'), 0),
      cls: round(metric('cumulative-layout-shift'), 3),
    },
    // Audits that count towards a score and did not fully pass (informative ones have no weight).
    failedAudits: Object.values(lhr.audits)
      .filter(
        (a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
      )
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score,
        weight: weight.get(a.id) ?? 0,
        displayValue: a.displayValue,
      })),
    warnings: lhr.runWarnings,
  };
}

/** Serves `outDir` with `astro preview` for the length of `fn`, and always stops it. */
async function withPreview(outDir, fn) {
  const origin = `http://127.0.0.1:${previewPort}`;
  await lighthousePreflight(); // again: the port may have been taken during the builds
  const server = start(astroBin, ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(previewPort)], {
    env: { WAYMARK_OUT: outDir, WAYMARK_BASE: '/' },
  });
  try {
    await waitForServer(origin, server);
    return await fn(origin);
  } finally {
    killGroup(server, 'SIGTERM');
    const stopped = await Promise.race([server.exited, sleep(5000).then(() => false)]);
    if (!stopped) killGroup(server, 'SIGKILL');
  }
}

async function waitForServer(origin, server, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited)
      throw new BenchError(
        `astro preview stopped before answering:\n${server.output.filter(Boolean).slice(-20).join('\n')}`,
      );
    if (await answers(origin)) return;
    await sleep(250);
  }
  throw new BenchError(`astro preview did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

async function answers(origin) {
  try {
    const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(results) {
  console.log('\nPage weight (kB = 1,000 bytes; gzip at zlib default level 6)');
  // Listed in a fixed order: an object key like "404" would otherwise come first.
  const pageTypes = ['home', 'module', 'step', 'story', 'my plan', 'search', 'help', 'privacy', 'es', 'ar', '404'];
  // Search code (the search page's script, Pagefind) loads on the search page only, when searching.
  const searchCode = (p) => (p.js.files.some((file) => /search|pagefind/.test(file)) ? 'yes' : 'no');
  const rows = pageTypes
    .filter((type) => results.pages[type])
    .map((type) => [type, results.pages[type]])
    .map(([type, p]) => [
      type,
      p.url,
      kB(p.html.raw),
      kB(p.html.gzip),
      kB(p.js.raw),
      kB(p.js.gzip),
      kB(p.css.raw),
      kB(p.css.gzip),
      String(p.requests),
      searchCode(p),
    ]);
  printTable(['page', 'url', 'HTML', 'HTML gz', 'JS', 'JS gz', 'CSS', 'CSS gz', 'requests', 'search code'], rows);
  const notes = Object.entries(results.pages).flatMap(([type, p]) => [
    ...p.missing.map((m) => `${type}: references ${m}, which is not in the build`),
    ...p.crossOrigin.map((c) => `${type}: loads ${c} from another origin`),
  ]);
  for (const note of notes) console.log(`  ! ${note}`);

  console.log('\nBuild');
  const site = results.siteBuild;
  const buildRows = [
    ['site', String(site.pages), `${site.seconds}`, `${site.pagesPerSecond}`, `${site.peakMemoryMiB}`],
  ];
  const b = results.build1000;
  if (b)
    buildRows.push([
      `+${b.generatedMdxFiles} MDX`,
      String(b.pages),
      `${b.seconds}`,
      `${b.pagesPerSecond}`,
      `${b.peakMemoryMiB}`,
    ]);
  printTable(['build', 'pages', 'seconds', 'pages/s', 'peak MiB'], buildRows, 1);

  if (results.lighthouse) {
    console.log('\nLighthouse (mobile, default config)');
    const lh = Object.entries(results.lighthouse).map(([type, r]) => [
      type,
      r.url.replace(/^https?:\/\/[^/]+/, ''),
      ...['performance', 'accessibility', 'best-practices', 'seo'].map((c) => String(r.scores[c])),
      `${r.metrics.fcpMs}`,
      `${r.metrics.lcpMs}`,
      `${r.metrics.tbtMs}`,
      `${r.metrics.cls}`,
    ]);
    printTable(['page', 'url', 'perf', 'a11y', 'best pr.', 'seo', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'], lh);
    for (const [type, r] of Object.entries(results.lighthouse)) {
      for (const a of r.failedAudits) {
        const cost = a.weight ? `weight ${a.weight}` : 'weight 0, costs no points';
        console.log(
          `  ! ${type}: ${a.id} (score ${a.score}, ${cost}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`,
        );
      }
    }
  }
}

/** Text columns (the first `textColumns`) align left, figures right. */
function printTable(header, rows, textColumns = 2) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const gzipSize = (data) => gzipSync(data).length;
const sum = (numbers) => numbers.reduce((a, b) => a + b, 0);
const kB = (bytes) => (bytes / 1000).toFixed(1);
const round = (n, digits) => (n === undefined ? undefined : Number(n.toFixed(digits)));
const seconds = (startedMs) => round((performance.now() - startedMs) / 1000, 1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Last, so that every constant above is initialised before main() uses it.
await main().catch((error) => {
  console.error(`\nbench failed: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
});
