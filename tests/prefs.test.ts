/**
 * `prefs.js`, the script that runs before the first paint, is written for each build from the
 * storage keys and the feature switches: a switched-off feature leaves no line in it. And the
 * switches as browser code imports them (`virtual:waymark/features`) are the schema's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prefsScript } from '../src/client/prefs';
import { FeaturesSchema } from '../src/contract/features';
import { guestOpenFreshFor } from '../src/device/guest';
import { displayKey, guestKey, guestOpenKey, togetherKey } from '../src/device/keys';

const allOn = FeaturesSchema.parse({});

describe('prefs.js', () => {
  it('reads the same keys the rest of Waymark writes, and is plain script a browser can run', () => {
    const script = prefsScript(allOn);
    for (const key of [displayKey, guestKey, guestOpenKey, togetherKey]) expect(script).toContain(`'${key}'`);
    expect(() => new Function(script)).not.toThrow();
  });

  it('leaves out Together mode and Listen when they are switched off', () => {
    const script = prefsScript({ ...allOn, together: false, listen: false });
    expect(script).not.toContain(togetherKey);
    expect(script).not.toContain('speechSynthesis');
    expect(script).toContain(displayKey);
    expect(() => new Function(script)).not.toThrow();
  });
  it('stays small: every page loads it before it paints', () => {
    expect(prefsScript(allOn).length).toBeLessThan(1024);
  });
});

/** Runs prefs.js against plain storages, as a page would, and returns what it set on <html> and in the tab. */
function runPrefs(session: Record<string, string>, local: Record<string, string>) {
  const storage = (items: Record<string, string>) => ({
    getItem: (key: string) => items[key] ?? null,
    setItem: (key: string, value: string) => void (items[key] = String(value)),
  });
  const root = { dataset: {} as Record<string, string> };
  new Function('document', 'window', 'sessionStorage', 'localStorage', prefsScript(allOn))({ documentElement: root }, {}, storage(session), storage(local));
  return { dataset: root.dataset, session };
}

describe('prefs.js and guest sessions', () => {
  const heartbeat = (at: number) => ({ [guestOpenKey]: JSON.stringify({ id: 'abc123', at }) });

  it('makes a tab opened from a guest tab a guest, with the same session, while the heartbeat is fresh', () => {
    const { dataset, session } = runPrefs({}, { ...heartbeat(Date.now() - 2_000), [displayKey]: '{"textSize":"4"}' });
    expect(dataset.guest).toBe('on');
    expect(session[guestKey]).toBe('abc123');
    expect(dataset.textSize).toBeUndefined(); // a guest does not get the owner's display choices
  });

  it("leaves a tab the owner's when the heartbeat is stale or absent", () => {
    for (const local of [{}, heartbeat(Date.now() - guestOpenFreshFor - 1_000), { [guestOpenKey]: '{"at":1}' }]) {
      const { dataset, session } = runPrefs({}, { ...local, [displayKey]: '{"textSize":"4"}' });
      expect(dataset.guest).toBeUndefined();
      expect(session[guestKey]).toBeUndefined();
      expect(dataset.textSize).toBe('4');
    }
  });

  it('keeps a guest tab in its own session, including one started before ids (`on`)', () => {
    for (const id of ['on', 'mine']) {
      const { dataset, session } = runPrefs({ [guestKey]: id }, heartbeat(Date.now()));
      expect(dataset.guest).toBe('on');
      expect(session[guestKey]).toBe(id);
    }
  });
});

describe('virtual:waymark/features', () => {
  it('declares one constant per feature switch in the schema, so browser code can import each', () => {
    const declaration = /declare module 'virtual:waymark\/features' \{([^}]*)\}/.exec(readFileSync('src/virtual.d.ts', 'utf8'))?.[1] ?? '';
    const declared = [...declaration.matchAll(/export const (\w+): boolean;/g)].map((match) => match[1]);
    expect(declared.sort()).toEqual(Object.keys(FeaturesSchema.shape).sort());
  });
});
