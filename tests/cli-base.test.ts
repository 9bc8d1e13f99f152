/**
 * A site that will live under a path is previewed and checked at that path: `npm start -- --base
 * /waymark/` builds and serves with the same base, and `npm run check -- --base /waymark/` checks
 * the links of a build made for it.
 */
import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from '../cli/check.ts';
import { startArgs } from '../cli/start-args.mjs';

describe('npm start -- --base', () => {
  it('builds and serves at the same path, and says where', () => {
    for (const args of [['--base', '/waymark/'], ['--base', 'waymark'], ['--base=/waymark']]) {
      expect(startArgs(args)).toEqual({
        build: ['--base', '/waymark/'],
        serve: ['--base', '/waymark/', '--port', '4321'],
        address: 'http://127.0.0.1:4321/waymark/',
      });
    }
  });

  it('serves at the root by default; --port is the server’s only, other options go to both', () => {
    expect(startArgs([])).toEqual({ build: [], serve: ['--port', '4321'], address: 'http://127.0.0.1:4321/' });
    expect(startArgs(['--port', '4870', '--verbose'])).toEqual({
      build: ['--verbose'],
      serve: ['--verbose', '--port', '4870'],
      address: 'http://127.0.0.1:4870/',
    });
  });
});

describe('npm run check -- --base', () => {
  it('takes the path to check the links at', () => {
    expect(parseCheckArgs(['--base', '/waymark/'], '/')).toMatchObject({ base: '/waymark/', build: true, unknown: [] });
    expect(parseCheckArgs(['--no-build', '--base=waymark'], '/')).toMatchObject({ base: '/waymark/', build: false, unknown: [] });
    expect(parseCheckArgs([], '/from-env/')).toMatchObject({ base: '/from-env/', unknown: [] });
    expect(parseCheckArgs(['--bsae', '/x/'], '/').unknown).toEqual(['--bsae', '/x/']);
  });
});
