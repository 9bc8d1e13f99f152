/**
 * `public/prefs.js` runs before paint as a plain file, so it cannot import `src/device/keys.ts`
 * and spells three storage keys out itself. If either side is renamed, display choices, Together
 * mode or a guest session would silently stop surviving a page change: this test catches that.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as keys from '../src/device/keys';

const prefs = readFileSync(new URL('../public/prefs.js', import.meta.url), 'utf8');
/** Every quoted name prefs.js reads, comments included (they point readers at the same key). */
const namedInPrefs = new Set([...prefs.matchAll(/['"](waymark[^'"]*)['"]/g)].map((match) => match[1]));

describe('public/prefs.js and src/device/keys.ts', () => {
  it('name the same keys', () => {
    expect([...namedInPrefs].sort()).toEqual([keys.displayKey, keys.guestKey, keys.togetherKey].sort());
  });
});
