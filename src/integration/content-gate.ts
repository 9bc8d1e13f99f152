/**
 * Waymark's build step: checks `content/` before anything is built and stops with a plain report
 * on any mistake, then hands the checked site settings and UI strings to pages as a virtual module.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../contract/load';
import { themeCss } from '../contract/palette';
import { formatProblems, hasErrors } from '../contract/problems';
import type { SiteConfig } from '../contract/site-schema';

const configModule = 'virtual:waymark/config';
const themeModule = 'virtual:waymark/theme.css';
/** The feature switches alone, as constants: browser code imports them, and what is off is dropped. */
const featuresModule = 'virtual:waymark/features';
const virtualModules = [configModule, themeModule, featuresModule];

let lastChecked: SiteConfig | undefined;

/** The site settings this build checked, for later build steps (the web app manifest). */
export function checkedSite(): SiteConfig {
  if (!lastChecked) throw new Error('Waymark: checkedSite() was called before content/ was checked.');
  return lastChecked;
}

export function waymark(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'waymark',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        // Stories' media are checked in the public/ Astro copies, also when content/ is elsewhere.
        const check = () => checkContent(options.contentDir, process.cwd(), fileURLToPath(config.publicDir));
        let report = check();
        if (hasErrors(report.problems)) {
          // A clear report and a plain exit: the person reading it edits YAML, not stack traces.
          process.stderr.write(`\n${formatProblems(report.problems)}\n\n`);
          process.exit(1);
        }
        if (report.problems.length) logger.warn(`\n${formatProblems(report.problems)}`);
        lastChecked = report.site;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'waymark:config',
                // While writing (`npm run dev`): check again on every change in content/, show a
                // mistake in the browser instead of stopping, and reload with the new settings.
                configureServer(server) {
                  const recheck = (file: string) => {
                    if (!file.startsWith(options.contentDir)) return;
                    const next = check();
                    if (hasErrors(next.problems)) {
                      const message = formatProblems(next.problems);
                      logger.error(`\n${message}`);
                      server.ws.send({ type: 'error', err: { message, stack: '' } });
                      return;
                    }
                    report = next;
                    for (const environment of Object.values(server.environments)) {
                      for (const id of virtualModules.map((name) => `\0${name}`)) {
                        const module = environment.moduleGraph.getModuleById(id);
                        if (module) environment.moduleGraph.invalidateModule(module);
                      }
                    }
                    server.ws.send({ type: 'full-reload' });
                  };
                  server.watcher.add(options.contentDir);
                  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, recheck);
                },
                resolveId: (id) => (virtualModules.includes(id) ? `\0${id}` : undefined),
                load: (id) => {
                  if (id === `\0${configModule}`) {
                    return [
                      `export const site = ${JSON.stringify(report.site)};`,
                      `export const strings = ${JSON.stringify(report.strings)};`,
                      `export const tools = ${JSON.stringify(report.tools)};`,
                    ].join('\n');
                  }
                  if (id === `\0${themeModule}`) return themeCss(report.site.brandColour);
                  if (id === `\0${featuresModule}`) {
                    return Object.entries(report.site.features)
                      .map(([name, on]) => `export const ${name} = ${on};`)
                      .join('\n');
                  }
                  return undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}
