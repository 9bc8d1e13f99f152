#!/usr/bin/env node
/**
 * `waymark <command>`: the one command a site runs, on any system (no `VAR=1 cmd` prefixes).
 *   build | dev | preview   Astro's own, with telemetry off (a privacy-first site sends nothing anywhere)
 *   start                   build, then serve the site at http://127.0.0.1:4321
 *   check | new | reading-level   Waymark's content tools (see README.md)
 *   astro <anything>        any other Astro command, telemetry off
 * Plain JavaScript, so it also runs from node_modules, where Node will not strip TypeScript types:
 * for the content tools (TypeScript) it strips them itself, with Node's own stripper.
 */
import { spawnSync } from 'node:child_process';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import './require-node.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const [command = 'help', ...args] = process.argv.slice(2);

function astro(...astroArgs) {
  const bin = join(dirname(nodeModule.createRequire(join(process.cwd(), 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [bin, ...astroArgs], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Runs one of the content tools as if it had been started itself (`node cli/check.ts …`). */
async function tool(file) {
  // (Through the namespace: on a Node.js too old to have these, require-node.mjs explains first.)
  nodeModule.registerHooks({
    load(url, context, nextLoad) {
      if (!url.endsWith('.ts') || !url.includes('/node_modules/')) return nextLoad(url, context);
      const { source } = nextLoad(url, { ...context, format: 'module' });
      return { format: 'module', source: nodeModule.stripTypeScriptTypes(String(source)), shortCircuit: true };
    },
  });
  process.argv.splice(2, 1);
  await import(new URL(file, import.meta.url).href);
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
  case 'start':
    astro('build', ...args);
    astro('preview', ...local, '--port', '4321', ...args);
    break;
  case 'check':
  case 'new':
  case 'reading-level':
    await tool(`./${command}.ts`);
    break;
  case 'astro':
    astro(...args);
    break;
  default:
    console.log('Usage: waymark build | dev | preview | start | check | new | reading-level | astro <command>');
    process.exit(command === 'help' ? 0 : 1);
}
