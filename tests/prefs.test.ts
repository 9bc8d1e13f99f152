/**
 * `prefs.js`, the script that runs before the first paint, is written for each build from the
 * storage keys and the feature switches: a switched-off feature leaves no line in it.
 */
import { describe, expect, it } from 'vitest';
import { prefsScript } from '../src/client/prefs';
import { FeaturesSchema } from '../src/contract/features';
import { displayKey, guestKey, togetherKey } from '../src/device/keys';

const allOn = FeaturesSchema.parse({});

describe('prefs.js', () => {
  it('reads the same keys the rest of Waymark writes, and is plain script a browser can run', () => {
    const script = prefsScript(allOn);
    for (const key of [displayKey, guestKey, togetherKey]) expect(script).toContain(`'${key}'`);
    expect(() => new Function(script)).not.toThrow();
  });

  it('leaves out Together mode and Listen when they are switched off', () => {
    const script = prefsScript({ ...allOn, together: false, listen: false });
    expect(script).not.toContain(togetherKey);
    expect(script).not.toContain('speechSynthesis');
    expect(script).toContain(displayKey);
    expect(() => new Function(script)).not.toThrow();
  });
});
