/**
 * The "What shall we look at today?" page: ticking and choosing keeps the list for this tab and
 * shows it above the cards; "Skip" keeps an empty choice, so the offer stops asking.
 */
import { chooseToday, chosenToday } from './today';

const form = document.querySelector<HTMLFormElement>('[data-today-form]');
const none = document.querySelector<HTMLElement>('[data-today-none]');
const boxes = [...(form?.querySelectorAll<HTMLInputElement>('input[name="today"]') ?? [])];

// Coming back to change the choice: what was chosen is ticked.
const chosen = chosenToday() ?? [];
for (const box of boxes) box.checked = chosen.includes(box.value);

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const ids = boxes.filter((box) => box.checked).map((box) => box.value);
  if (none) none.textContent = ids.length ? '' : (none.dataset.text ?? '');
  if (!ids.length) return;
  chooseToday(ids);
  // The list is above the cards: take the person (and their screen reader) to it.
  document.querySelector<HTMLElement>('[data-today-list] h2')?.focus();
});

document.querySelector('[data-today-skip]')?.addEventListener('click', () => chooseToday([]));
