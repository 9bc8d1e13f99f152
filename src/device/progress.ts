/**
 * Which steps a person has opened and which tools they answered, so home and module pages can
 * show "2 of 3 steps opened". Kept in localStorage, not IndexedDB: pages without tools read it
 * with a few hundred bytes of plain script instead of loading the whole store.
 */
import { progressKey } from './keys';

/**
 * In a guest session progress is kept in sessionStorage, like everything else. `prefs.js` has
 * already marked a guest tab's <html> before any script runs (joining tabs too), so this reads
 * that mark rather than loading the guest code on every page.
 */
function storage(): Storage {
  return globalThis.document?.documentElement.dataset.guest === 'on' ? sessionStorage : localStorage;
}

/** What progress holds while a passphrase lock is on: nothing that says which steps or tools. */
const paused = '{"paused":true}';

export interface Progress {
  /** `module/step` of every step opened. */
  opened: string[];
  /** `module/tool-id` of every tool answered. */
  answered: string[];
}

export function readProgress(): Progress {
  try {
    const parsed = JSON.parse(storage().getItem(progressKey) ?? '{}') as Partial<Progress>; // paused: no lists
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    return { opened: strings(parsed.opened), answered: strings(parsed.answered) };
  } catch {
    return { opened: [], answered: [] };
  }
}

function add(list: keyof Progress, entries: string[]): void {
  const progress = readProgress();
  const known = new Set(progress[list]);
  const added = entries.filter((entry) => !known.has(entry) && known.add(entry));
  if (added.length === 0) return;
  progress[list].push(...added);
  try {
    if (storage().getItem(progressKey) !== paused) storage().setItem(progressKey, JSON.stringify(progress));
  } catch {
    // No localStorage here (blocked or full): progress is a convenience, so the page goes on.
  }
}

export const markOpened = (module: string, step: string) => add('opened', [`${module}/${step}`]);
/** Tools answered, as `[module, tool id]` pairs: one write for a whole import. */
export const markAnswered = (...tools: Array<[module: string, toolId: string]>) =>
  add(
    'answered',
    tools.map(([module, id]) => `${module}/${id}`),
  );

/**
 * Under a passphrase lock progress is not kept: it would say which steps were opened and which
 * tools answered (e.g. `coping-with-hard-times/what-got-me-through`) to anyone with the device.
 * The marker says only that it is paused. Removing the lock (or forgetting) takes it away.
 */
export function pauseProgress(): void {
  try {
    storage().setItem(progressKey, paused);
  } catch {
    // Nothing can be kept here, so nothing is kept.
  }
}

export function forgetProgress(): void {
  try {
    storage().removeItem(progressKey);
  } catch {
    // Nothing could have been kept.
  }
}
