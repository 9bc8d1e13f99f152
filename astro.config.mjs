// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { basePath, contentDir, outDir } from './src/config/paths.ts';
import { waymark } from './src/integrations/waymark.ts';

export default defineConfig({
  base: basePath,
  outDir,
  // Each content folder keeps its own cache, so a fixture build never reuses another's pages.
  cacheDir: `./node_modules/.astro/${outDir.split('/').at(-1)}`,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No prefetching, no dev toolbar: nothing a person does is sent anywhere, even by tools.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [waymark({ contentDir }), mdx(), react()],
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
