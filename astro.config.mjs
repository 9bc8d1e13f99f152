// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { basePath, contentDir, outDir } from './src/integration/paths.ts';
import { basePathLinks } from './src/integration/base-path-links.ts';
import { leaveNoTrace } from './src/integration/leave-no-trace.ts';
import { offline } from './src/integration/offline.ts';
import { searchIndex } from './src/integration/search-index.ts';
import { securityHeadersIntegration } from './src/integration/security-headers.ts';
import { checkedSite, waymark } from './src/integration/content-gate.ts';
import { directives, scriptSources, styleSources } from './src/integration/policy.ts';

export default defineConfig({
  base: basePath,
  outDir,
  // Each content folder keeps its own cache, so a fixture build never reuses another's pages.
  cacheDir: `./node_modules/.astro/${outDir.split('/').at(-1)}`,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No prefetching, no dev toolbar: nothing a person does is sent anywhere, even by tools.
  prefetch: false,
  // Shiki colours code with inline styles, which the Content-Security-Policy refuses; no code here.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // A strict Content-Security-Policy in every page's <meta> tag: Astro adds hashes of its own
  // inline scripts and styles; the rest is in src/integration/policy.ts (also written to _headers).
  security: {
    csp: {
      directives: [...directives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
  // searchIndex() writes dist/pagefind/ before offline(), which runs last: it keeps for offline whatever the other steps wrote into the build.
  integrations: [waymark({ contentDir }), mdx(), react(), basePathLinks(basePath), securityHeadersIntegration(), leaveNoTrace({ features: () => checkedSite().features }), searchIndex(), offline({ site: checkedSite })],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Harmless and printed once per MDX file (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
