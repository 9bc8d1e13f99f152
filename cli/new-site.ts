/**
 * `npm run new -- site <folder>` (from a site: `npx waymark new site <folder>`): a site of its own
 * for a service, with no engine file in it. The folder gets the site's content and pictures, a
 * `package.json` that installs Waymark and Astro from npm, a one-line `astro.config.mjs`, a
 * `.gitignore` and a short README. Waymark stays in node_modules/, so a fix reaches the site with
 * `npm update waymark`, and the service's own words are never mixed with the engine's.
 *
 *   (default)    a copy of Waymark's own content/ and public/media/, to change page by page
 *   --minimal    a small English-only site: site.yaml with every setting shown, the four pages, one module
 *   --name "…"   the site's name in site.yaml (made from the folder's name if left out)
 *
 * It writes only into a folder that is new or empty.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fill, shown, templates } from './new/files.ts';
import { type Made, Refusal } from './new/request.ts';

export interface SiteRequest {
  kind: 'site';
  /** Where to make the site, from the folder the command was typed in. */
  folder: string;
  /** A small English-only site instead of a copy of the default content. */
  minimal: boolean;
  name?: string | undefined;
}

/** The engine's own folder: the repository, or node_modules/waymark in a site. */
const engineRoot = fileURLToPath(new URL('../', import.meta.url));
const minimalContent = join(templates, 'site', 'minimal');

interface EnginePackage {
  version: string;
  peerDependencies: { astro: string };
  devDependencies: { node: string };
  allowScripts: Record<string, boolean>;
}

/** The most letters a site's name may have (site.yaml's `name`). */
const longestName = 40;

export function makeSite(request: SiteRequest): { name: string; made: Made } {
  // `npm run` starts in the package's folder; INIT_CWD is where the command was typed.
  const here = process.env['INIT_CWD'] ?? process.cwd();
  const folder = resolve(here, request.folder);
  const show = (path: string) => shown(path, here);
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new Refusal(`${show(folder)} is a file, not a folder. Choose a new folder for the site. Nothing was made.`);
    if (readdirSync(folder).length > 0) {
      throw new Refusal(
        `${show(folder)} is not empty, and a new site is only made in a new or empty folder, so nothing in it is overwritten.\n  Choose a new folder, like: npm run new -- site ../my-site`,
      );
    }
  }
  const name = siteName(request.name, folder);
  const engine = JSON.parse(readFileSync(join(engineRoot, 'package.json'), 'utf8')) as EnginePackage;
  if (!request.minimal && !existsSync(join(engineRoot, 'content', 'site.yaml'))) {
    throw new Refusal(`Waymark's own content is not in ${show(engineRoot)}, so there is nothing to copy. Add --minimal for a small site to start from.`);
  }

  mkdirSync(folder, { recursive: true });
  const files = new Map<string, string>([
    ['package.json', `${JSON.stringify(sitePackage(folder, engine), null, 2)}\n`],
    ['astro.config.mjs', astroConfig],
    ['.gitignore', gitignore],
    // Hosts that build the site (Netlify, Cloudflare Pages) read the Node.js version from here.
    ['.node-version', `${engine.devDependencies.node.split('.')[0]}\n`],
    ['README.md', fill('site/README.md', { name, minimal: request.minimal ? ' (made with --minimal)' : '' })],
  ]);
  for (const [file, text] of files) writeFileSync(join(folder, file), text, { flag: 'wx' });

  if (request.minimal) {
    // In site.yaml and the home page's title the name is in double quotes: JSON's escapes are YAML's.
    copyFilled(minimalContent, folder, { name, nameInQuotes: JSON.stringify(name).slice(1, -1) });
    mkdirSync(join(folder, 'public'), { recursive: true });
  } else {
    cpSync(join(engineRoot, 'content'), join(folder, 'content'), { recursive: true });
    cpSync(join(engineRoot, 'public', 'media'), join(folder, 'public', 'media'), { recursive: true });
    const settings = join(folder, 'content', 'site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^name:.*$/m, `name: ${JSON.stringify(name)}`));
  }

  const made: Made = {
    created: [...files.keys(), 'content/', 'public/'].map((file) => show(join(folder, file))),
    changed: [],
    next: [
      `Go to the new folder: cd ${show(folder)}`,
      'Install Waymark, and the Node.js it needs: npm install',
      'Build the site and see it at http://127.0.0.1:4321: npm start',
      `Make it yours: your name, colour and help contacts in content/site.yaml, then your own words in content/pages/ and content/modules/ (the README says where everything is${request.minimal ? '' : "; the copied pages and stories are Waymark's examples"}).`,
      'Run npm run check. It lists anything that still needs fixing.',
      "Keep the folder in version control (git). To take in Waymark's fixes later: npm update waymark",
    ],
  };
  return { name, made };
}

/** `--name`, or the folder's name in words: `riverside-recovery` → "Riverside recovery". */
function siteName(given: string | undefined, folder: string): string {
  const words = (given ?? basename(folder).replace(/[-_.]+/g, ' ')).trim().replace(/\s+/g, ' ');
  const name = given === undefined ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : words;
  if (!name) throw new Refusal('The site needs a name. Give one with --name, like: --name "Riverside Recovery"');
  if (name.length > longestName) {
    throw new Refusal(
      `The site's name "${name}" is ${name.length} characters long, and the most is ${longestName}. Give a shorter one with --name, like: --name "Riverside Recovery"`,
    );
  }
  if (/[{}<>]/.test(name)) throw new Refusal(`The site's name "${name}" has a { } < or > in it, which pages cannot show. Give another with --name.`);
  return name;
}

/** A name npm accepts (lower case, no spaces), made from the folder's name. */
function packageName(folder: string): string {
  const name = basename(folder)
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[-._~]+|[-._~]+$/g, '')
    .slice(0, 214);
  return name || 'waymark-site';
}

function sitePackage(folder: string, engine: EnginePackage) {
  return {
    name: packageName(folder),
    private: true,
    type: 'module',
    // Each script runs Waymark's own command, the same on every system.
    scripts: {
      start: 'waymark start',
      dev: 'waymark dev',
      build: 'waymark build',
      check: 'waymark check',
      new: 'waymark new',
    },
    dependencies: {
      astro: engine.peerDependencies.astro,
      waymark: `^${engine.version}`,
    },
    // The Node.js the engine needs, installed into node_modules/.bin by npm, so a computer with an older one still works.
    devDependencies: { node: engine.devDependencies.node },
    allowScripts: engine.allowScripts,
  };
}

const astroConfig = `// @ts-check
// Waymark makes every page from content/: nothing else is needed here (see README.md).
import { defineConfig } from 'astro/config';
import waymark from 'waymark';

export default defineConfig({
  integrations: [waymark()],
});
`;

const gitignore = `node_modules/
dist/
dist-*/
.astro/
*.log
.DS_Store
`;

/** Copies a template folder, filling in each {{name}} in every file. */
function copyFilled(from: string, to: string, values: Record<string, string>): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fill(relative(templates, source), values), { flag: 'wx' });
  }
}
