/**
 * The content gate: checks `content/` before anything is built and stops with a plain report on any
 * mistake (the plain report: file, line, field, fix; see `strict.ts`), then hands the
 * checked settings, strings and tools to pages as virtual modules. While writing (`npm run dev`) it
 * checks again on every change in the content folder, and shows a mistake in the browser.
 */
import type { AstroIntegrationLogger } from 'astro';
import { relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { checkImages } from '../audits/images.ts';
import { type ContentReport, checkContent } from '../contract/load.ts';
import { themeCss } from '../contract/palette.ts';
import { formatProblems, hasErrors, type Problem } from '../contract/problems.ts';
import { enforce, relaxed } from './strict.ts';

const fixHint = 'Fix the lines above in your content folder, then build again.';
const devHint = 'Fix the lines above in your content folder: this page shows again once they are right.';

/** The content and its pictures (alt text, files there): `strict: false` makes the pictures' errors warnings. */
export function contentProblems(contentDir: string, root: string, publicDir: string): { report: ContentReport; problems: Problem[] } {
  const report = checkContent(contentDir, root, publicDir);
  const pictures = checkImages({ contentDir, publicDir, shown: (file) => relative(root, file) || file });
  return { report, problems: [...report.problems, ...relaxed(pictures, report.site.strict)] };
}

/** Checks the content; throws the plain report as an Astro error when it has errors. */
export function passGate(contentDir: string, root: string, publicDir: string, logger: AstroIntegrationLogger): ContentReport {
  const { report, problems } = contentProblems(contentDir, root, publicDir);
  enforce(problems, logger, fixHint);
  return report;
}

/**
 * While writing (`npm run dev`): the content checked again, on every change. A mistake is printed
 * once and shown in the browser (`virtualModules`), not a stop; the last good content stays in use.
 */
export function recheckWhileWriting(
  contentDir: string,
  root: string,
  publicDir: string,
  logger: AstroIntegrationLogger,
  use: (report: ContentReport) => void,
): { recheck: () => string | undefined; showing: () => boolean } {
  let mistakes: string | undefined;
  const recheck = () => {
    const { report, problems } = contentProblems(contentDir, root, publicDir);
    const found = hasErrors(problems) ? formatProblems(problems) : undefined;
    if (found && found !== mistakes) logger.error(`\n${found}`);
    if (!found) {
      use(report);
      if (problems.length) logger.warn(`\n${formatProblems(problems)}`);
    }
    mistakes = found;
    return mistakes;
  };
  return { recheck, showing: () => mistakes !== undefined };
}

/**
 * While the browser shows a content mistake, Astro's glob loader would print the same mistake again
 * in the terminal, raw ("data does not match collection schema"): its errors are left out then.
 */
export function quietLoaderWhile(showing: () => boolean, logger: AstroIntegrationLogger): void {
  // Every Astro logger shares these options, so the loader writes through this destination too.
  // Its own object, changed in place: Astro's dev server holds on to it.
  const { destination } = logger.options;
  const write = destination.write.bind(destination);
  destination.write = (message) => {
    if (message.label === 'glob-loader' && message.level === 'error' && showing()) return;
    write(message);
  };
}

/** What Vite's client shows over the page (Astro's overlay, which writes a message it is sent as text). */
export function overlayPayload(mistakes: string) {
  return { type: 'error' as const, err: { name: 'Waymark', message: mistakes, hint: devHint, stack: '', plugin: 'waymark' } };
}

const modules = {
  /** The checked site settings, UI strings, tools and the content folder. */
  config: 'virtual:waymark/config',
  /** The brand colour's palette, as CSS custom properties. */
  theme: 'virtual:waymark/theme.css',
  /** The feature switches alone, as constants: browser code imports them, and what is off is dropped. */
  features: 'virtual:waymark/features',
};
const ids = Object.values(modules);

/**
 * `recheck` reads the content again: it returns the report of its mistakes, if it has any. While
 * there are some, every page that opens shows them over it; fixing them reloads the pages.
 */
export function virtualModules(contentDir: string, current: () => ContentReport, recheck: () => string | undefined): Plugin {
  let mistakes: string | undefined;
  return {
    name: 'waymark:virtual-modules',
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!file.startsWith(contentDir)) return;
        const found = recheck();
        if (found === mistakes && found) return; // the same mistake, already shown
        mistakes = found;
        if (mistakes) {
          // In the browser too, where the writer is looking.
          server.ws.send(overlayPayload(mistakes));
          return;
        }
        for (const environment of Object.values(server.environments)) {
          for (const id of ids) {
            const module = environment.moduleGraph.getModuleById(`\0${id}`);
            if (module) environment.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      // A page opened or reloaded while a mistake stands would show the content as it was: the mistake goes over it.
      server.ws.on('connection', () => {
        if (mistakes) server.ws.send(overlayPayload(mistakes));
      });
    },
    resolveId: (id) => (ids.includes(id) ? `\0${id}` : undefined),
    load(id) {
      const report = current();
      if (id === `\0${modules.config}`) {
        return [
          `export const site = ${JSON.stringify(report.site)};`,
          `export const strings = ${JSON.stringify(report.strings)};`,
          `export const tools = ${JSON.stringify(report.tools)};`,
          `export const contentDir = ${JSON.stringify(contentDir)};`,
        ].join('\n');
      }
      if (id === `\0${modules.theme}`) return themeCss(report.site.brandColour);
      if (id === `\0${modules.features}`) {
        return Object.entries(report.site.features)
          .map(([name, on]) => `export const ${name} = ${on};`)
          .join('\n');
      }
      return undefined;
    },
  };
}
