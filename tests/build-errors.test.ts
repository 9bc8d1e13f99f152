/** The real `astro build` stops on a content mistake with the plain report, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyDefaultContent } from './content-fixture';

const content = copyDefaultContent();
afterAll(() => content.cleanUp());

it('a bad site.yaml fails the build with the file, line, field and fix', () => {
  content.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: "#ffdd00"');
  const build = spawnSync('node_modules/.bin/astro', ['build'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      WAYMARK_CONTENT: content.dir,
      WAYMARK_OUT: join(content.dir, '..', 'dist'),
    },
    encoding: 'utf8',
  });
  const output = build.stdout + build.stderr;
  expect(build.status).toBe(1);
  expect(output).toMatch(/✗ line \d+: brandColour is too light/);
  expect(output).toContain('How to fix: Pick a darker colour.');
  expect(output).not.toMatch(/^\s+at /m);
});
