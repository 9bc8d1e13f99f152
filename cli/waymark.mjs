#!/usr/bin/env node
/**
 * `waymark <command>`: the one command a site runs, on any system (no `VAR=1 cmd` prefixes).
 *   build | dev | preview   Astro's own, with telemetry off (a privacy-first site sends nothing anywhere)
 *   start                   build, then serve the site at http://127.0.0.1:4321
 *                           (`--base /waymark/`: built for that path and served at …:4321/waymark/)
 *   check | new | reading-level   Waymark's content tools (see README.md)
 *   astro <anything>        any other Astro command, telemetry off
 * Plain JavaScript, so it also runs from node_modules, where Node will not strip TypeScript types
 * by itself: the content tools (TypeScript) run with `strip-types.mjs`, which does.
 */
import { spawnSync } from 'node:child_process';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './require-node.mjs';
import { startArgs } from './start-args.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const [command = 'help', ...args] = process.argv.slice(2);

function astro(...astroArgs) {
  const bin = join(dirname(nodeModule.createRequire(join(process.cwd(), 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [bin, ...astroArgs], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Runs one of the content tools (TypeScript) as its own process, as `node cli/check.ts …` would. */
function tool(file) {
  const strip = new URL('./strip-types.mjs', import.meta.url).href;
  const run = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--import', strip, fileURLToPath(new URL(file, import.meta.url)), ...args],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}

const local = ['--host', '127.0.0.1'];
switch (command) {
  case 'build':
    astro('build', ...args);
    break;
  case 'dev':
  case 'preview':
    astro(command, ...local, ...args);
    break;
  case 'start': {
    const start = startArgs(args);
    astro('build', ...start.build);
    console.log(`\nThe site is at ${start.address}\n`);
    astro('preview', ...local, ...start.serve);
    break;
  }
  case 'check':
  case 'new':
  case 'reading-level':
    tool(`./${command}.ts`);
    break;
  case 'astro':
    astro(...args);
    break;
  default:
    console.log('Usage: waymark build | dev | preview | start | check | new | reading-level | astro <command>');
    process.exit(command === 'help' ? 0 : 1);
}
