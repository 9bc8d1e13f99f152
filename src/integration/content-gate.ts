/**
 * The content gate: checks `content/` before anything is built and stops with a plain report on any
 * mistake (an Astro error whose message is the report: file, line, field, fix), then hands the
 * checked settings, strings and tools to pages as virtual modules. While writing (`npm run dev`) it
 * checks again on every change in the content folder.
 */
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin, ViteDevServer } from 'vite';
import { type ContentReport, checkContent } from '../contract/load.ts';
import { themeCss } from '../contract/palette.ts';
import { formatProblems, hasErrors } from '../contract/problems.ts';

/** Checks the content; throws the plain report as an Astro error when it has errors. */
export function passGate(contentDir: string, root: string, publicDir: string, logger: AstroIntegrationLogger): ContentReport {
  const report = checkContent(contentDir, root, publicDir);
  if (hasErrors(report.problems)) {
    const error = new AstroError(formatProblems(report.problems), 'Fix the lines above in your content folder, then build again.');
    error.name = 'Waymark';
    // A service reading this edits YAML: the report is the whole story, a stack trace is noise.
    error.stack = '';
    throw error;
  }
  if (report.problems.length) logger.warn(`\n${formatProblems(report.problems)}`);
  return report;
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

/** `recheck` reads the content again: it returns the report of its mistakes, if it has any. */
export function virtualModules(contentDir: string, current: () => ContentReport, recheck: () => string | undefined): Plugin {
  return {
    name: 'waymark:virtual-modules',
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!file.startsWith(contentDir)) return;
        const mistakes = recheck();
        if (mistakes) {
          // In the browser too, where the writer is looking.
          server.ws.send({ type: 'error', err: { message: mistakes, stack: '' } });
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
