/**
 * "Today we'll look at": every module and story is in the list from the build, hidden; this shows
 * the ones the person chose (kept for this tab, like Together mode). Whether the list and the offer
 * line show at all is CSS (`data-today` on <html>, set before paint by prefs.js). Part of every
 * page's one script (page.ts): a few lines, and it acts only where a list is.
 */
import { todayKey } from '../device/keys';

export function showToday(): void {
  let chosen: string[] = [];
  try {
    chosen = (sessionStorage.getItem(todayKey) ?? '').split(' ');
  } catch {
    // Storage blocked: nothing was kept, nothing to show.
  }
  for (const item of document.querySelectorAll<HTMLElement>('[data-today-item]')) item.hidden = !chosen.includes(item.dataset.todayItem!);
}
