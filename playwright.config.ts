/**
 * Browser tests in Debian's Chromium (never a downloaded browser) against the real build, served
 * by `astro preview` on 127.0.0.1: once at the root and once under a sub-path (`/waymark/`).
 */
import { defineConfig } from '@playwright/test';
import { packedSite } from './e2e/packed-site-dir';

// WAYMARK_TEST_PORT moves both servers, so two test runs on one machine do not collide.
const firstPort = Number(process.env.WAYMARK_TEST_PORT ?? 4391);
export const ports = { root: firstPort, subpath: firstPort + 1, fork: firstPort + 2 } as const;
// WAYMARK_TEST_SERVERS=root (or root,subpath) starts only those builds' servers, for a quick run of
// one project's specs while working; unset, all three start (CI, `npm test`).
const wanted = process.env.WAYMARK_TEST_SERVERS?.split(',');
const serve = (name: keyof typeof ports) => !wanted || wanted.includes(name);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium tries to reach Google's hosts at start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'root', testIgnore: /subpath|fork/, use: { baseURL: `http://127.0.0.1:${ports.root}/` } },
    { name: 'subpath', testMatch: /subpath/, use: { baseURL: `http://127.0.0.1:${ports.subpath}/waymark/` } },
    { name: 'fork', testMatch: /fork/, use: { baseURL: `http://127.0.0.1:${ports.fork}/` } },
  ],
  webServer: [
    serve('root') && {
      command: `astro preview --ignore-lock --host 127.0.0.1 --port ${ports.root}`,
      url: `http://127.0.0.1:${ports.root}/`,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
    },
    serve('subpath') && {
      command: `astro preview --ignore-lock --host 127.0.0.1 --port ${ports.subpath}`,
      url: `http://127.0.0.1:${ports.subpath}/waymark/`,
      env: { ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_BASE: '/waymark/', WAYMARK_OUT: 'dist-subpath' },
      reuseExistingServer: false,
    },
    serve('fork') && {
      // A service's own site (tests/fixtures/fork/ over the starter), with the packed engine installed
      // in it and built by `npm run build:sites`: served from its folder, by its own Astro.
      command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${ports.fork}`,
      cwd: packedSite,
      url: `http://127.0.0.1:${ports.fork}/`,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
    },
  ].filter((server) => server !== false),
});
