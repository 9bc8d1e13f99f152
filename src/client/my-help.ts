/**
 * The help page's personal part (src/components/MyHelp.astro): the person's own plan lists, read
 * from this device's store and written as text, with any phone number in their words made a
 * `tel:` link. A locked store shows one line and a way to My plan; nothing saved, one invitation.
 * It follows the store, so locking, unlocking or a change in another tab shows here at once.
 */
import { getStore, type RecordStore } from '../device';
import { phonePieces } from './phone';

const root = document.querySelector<HTMLElement>('[data-my-help]');
if (root) {
  // If the device keeps nothing readable (storage blocked and no fallback), the page stays as built.
  getStore().then(
    (store) => follow(root, store),
    () => undefined,
  );
}

function follow(root: HTMLElement, store: RecordStore): void {
  const show = () => render(root, store);
  show();
  store.subscribe(show);
}

function render(root: HTMLElement, store: RecordStore): void {
  const locked = store.status.locked;
  let any = false;
  for (const part of root.querySelectorAll<HTMLElement>('[data-my-help-part]')) {
    const items = locked ? [] : itemsOf(store, part.dataset.myHelpPart!.split(' '));
    part.querySelector('ul')!.replaceChildren(...items.map(listItem));
    part.hidden = items.length === 0;
    any ||= items.length > 0;
  }
  const state = locked ? 'locked' : any ? 'list' : 'empty';
  for (const line of root.querySelectorAll<HTMLElement>('[data-my-help-show]')) line.hidden = line.dataset.myHelpShow !== state;
  root.hidden = false;
}

/** The items of these plan lists, each once, in the order the lists and the person put them. */
function itemsOf(store: RecordStore, ids: string[]): string[] {
  const items = ids.flatMap((id) => {
    const record = store.get(id);
    return record?.kind === 'planlist' ? record.value.items : [];
  });
  return [...new Set(items)];
}

/** Their words as text nodes only (never HTML), with the number part of each phone number a link. */
function listItem(words: string): HTMLLIElement {
  const item = document.createElement('li');
  for (const piece of phonePieces(words)) {
    if (!piece.tel) {
      item.append(piece.text);
      continue;
    }
    const link = document.createElement('a');
    link.className = 'my-help__call';
    link.href = piece.tel;
    link.textContent = piece.text;
    item.append(link);
  }
  return item;
}
