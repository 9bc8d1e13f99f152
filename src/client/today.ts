/**
 * "What shall we look at today?" in Together mode: the person's choice of modules and stories,
 * kept for this tab only (sessionStorage, like Together mode itself) and shown where the page has
 * room for it: the offer line at the top of every page, and the "Today we'll look at" lists.
 * Everything is in the page from the build, hidden; this only decides what shows. Loaded by every page.
 */
import { todayKey } from '../device/keys';

const root = document.documentElement;

/** The ids chosen (`module:hope`), [] if the person skipped, or null if nothing was chosen yet. */
export function chosenToday(): string[] | null {
  try {
    const value = sessionStorage.getItem(todayKey);
    return value === null ? null : value.split(' ').filter(Boolean);
  } catch {
    return null;
  }
}

/** Keeps the choice for this tab ([] for "skip"), or forgets it (null): Together mode was switched off. */
export function chooseToday(ids: string[] | null): void {
  try {
    if (ids) sessionStorage.setItem(todayKey, ids.join(' '));
    else sessionStorage.removeItem(todayKey);
  } catch {
    // Storage blocked: the choice shows on this page only.
  }
  showToday(ids);
}

/** Shows the offer while Together mode is on and nothing is chosen, and the chosen items in each list. */
export function showToday(chosen = chosenToday()): void {
  const on = root.dataset.together === 'on';
  for (const offer of document.querySelectorAll<HTMLElement>('[data-today-offer]')) offer.hidden = !on || chosen !== null;
  for (const item of document.querySelectorAll<HTMLElement>('[data-today-item]')) item.hidden = !chosen?.includes(item.dataset.todayItem!);
  // A list shows in Together mode only, except on the page where the choice is made.
  for (const list of document.querySelectorAll<HTMLElement>('[data-today-list]'))
    list.hidden = !chosen?.length || (!on && !('todayHere' in list.dataset));
}
