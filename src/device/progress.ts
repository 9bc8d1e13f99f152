/**
 * Which steps a person has opened and which tools they answered, so home and module pages can
 * show "2 of 3 steps opened". Kept in localStorage, not IndexedDB: pages without tools read it
 * with a few hundred bytes of plain script instead of loading the whole store.
 */
import { isGuestSession } from './guest-flag';
import { progressKey } from './keys';

/** In a guest session progress is kept in sessionStorage, like everything else. */
function storage(): Storage {
  try {
    return isGuestSession() ? sessionStorage : localStorage;
  } catch {
    return localStorage;
  }
}

export interface Progress {
  /** `module/step` of every step opened. */
  opened: string[];
  /** `module/tool-id` of every tool answered. */
  answered: string[];
}

export function readProgress(): Progress {
  try {
    const parsed = JSON.parse(storage().getItem(progressKey) ?? '{}') as Partial<Progress>;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    return { opened: strings(parsed.opened), answered: strings(parsed.answered) };
  } catch {
    return { opened: [], answered: [] };
  }
}

function add(list: keyof Progress, entry: string): void {
  const progress = readProgress();
  if (progress[list].includes(entry)) return;
  progress[list].push(entry);
  try {
    storage().setItem(progressKey, JSON.stringify(progress));
  } catch {
    // No localStorage here (blocked or full): progress is a convenience, so the page goes on.
  }
}

export const markOpened = (module: string, step: string) => add('opened', `${module}/${step}`);
export const markAnswered = (module: string, toolId: string) => add('answered', `${module}/${toolId}`);

export function forgetProgress(): void {
  try {
    storage().removeItem(progressKey);
  } catch {
    // Nothing could have been kept.
  }
}
