/**
 * The "What shall we look at today?" page: choosing keeps the ticked ids for this tab and shows the
 * list above the cards; "Skip" keeps `on` alone, so the offer line stops asking. Part of every
 * page's one script (page.ts): it shows the chosen list wherever one is (home, today), and acts on
 * the form only where it is.
 */
import { todayKey } from '../device/keys';
import { showToday } from './today';

const form = document.querySelector<HTMLFormElement>('[data-today-form]');
const none = document.querySelector<HTMLElement>('[data-today-none]');
const boxes = [...(form?.querySelectorAll<HTMLInputElement>('input[name="today"]') ?? [])];

/** Keeps the chosen ids (`module:<slug> story:<slug>`, or `on` for "skip") for this tab. */
function keep(value: string): void {
  try {
    sessionStorage.setItem(todayKey, value);
  } catch {
    // Storage blocked: the choice shows on this page only.
  }
  document.documentElement.dataset.today = 'on';
}

showToday();
// Coming back to change the choice: what was chosen is ticked.
for (const box of boxes) box.checked = !document.querySelector(`[data-today-item="${box.value}"]`)?.hasAttribute('hidden');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const ids = boxes.filter((box) => box.checked).map((box) => box.value);
  if (none) none.textContent = ids.length ? '' : (none.dataset.text ?? '');
  if (!ids.length) return;
  keep(ids.join(' '));
  showToday();
  // The list is above the cards: take the person (and their screen reader) to it.
  document.querySelector<HTMLElement>('[data-today-list] h2')?.focus();
});

document.querySelector('[data-today-skip]')?.addEventListener('click', () => keep('on'));
