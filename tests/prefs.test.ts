/**
 * `prefs.js`, the script that runs before the first paint, is written for each build from the
 * storage keys and the feature switches: a switched-off feature leaves no line in it. And the
 * switches as browser code imports them (`virtual:waymark/features`) are the schema's.
 */
import { readFileSync } from 'node:fs';
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

describe('virtual:waymark/features', () => {
  it('declares one constant per feature switch in the schema, so browser code can import each', () => {
    const declaration = /declare module 'virtual:waymark\/features' \{([^}]*)\}/.exec(readFileSync('src/virtual.d.ts', 'utf8'))?.[1] ?? '';
    const declared = [...declaration.matchAll(/export const (\w+): boolean;/g)].map((match) => match[1]);
    expect(declared.sort()).toEqual(Object.keys(FeaturesSchema.shape).sort());
  });
});
