// @ts-check
// The default site: Waymark's own content, built with the engine through its public entry, as any
// service's site is. Everything else is set by waymark() (see src/integration/index.ts).
import { defineConfig } from 'astro/config';
import waymark from 'waymark';

export default defineConfig({
  integrations: [waymark()],
});
