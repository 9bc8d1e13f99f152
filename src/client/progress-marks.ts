/**
 * Progress, in a few hundred bytes of plain script: a step page records that it was opened;
 * home and module pages fill in what has been opened and answered. The words come from
 * `data-` attributes the page rendered in its own language (see `ProgressMarks.astro`).
 */
import { markOpened, readProgress } from '../device/progress';

const opened = document.querySelector<HTMLElement>('[data-progress-opened]')?.dataset.progressOpened;
if (opened) {
  const [module, step] = opened.split('/');
  if (module && step) markOpened(module, step);
}

// Every page loads this; only pages with progress marks read what was kept.
const marks = document.querySelectorAll<HTMLElement>('[data-progress-of]');
const progress = marks.length ? readProgress() : { opened: [] as string[], answered: [] as string[] };
const lists = { steps: progress.opened, tools: progress.answered };

// "Steps opened: 2 of 3": `data-progress-of` names the list, `data-progress-keys` what counts.
for (const out of marks) {
  const { progressOf = 'steps', progressKeys = '', progressText = '' } = out.dataset;
  const keys = progressKeys.split(' ').filter(Boolean);
  const done = keys.filter((key) => lists[progressOf as keyof typeof lists]?.includes(key)).length;
  if (done === 0) continue;
  out.textContent = progressText.replace('{done}', String(done)).replace('{total}', String(keys.length));
  // Two lines side by side are parted by real text, not CSS, so they are read apart too ("… 2 of
  // 3 · Tools answered …", never "3Tools answered"); the page's script tag may sit between them.
  const filled = [...(out.parentElement?.children ?? [])].filter((sibling) => sibling.matches('.progress:not(:empty)'));
  if (filled[0] !== out) out.before(' · ');
}
