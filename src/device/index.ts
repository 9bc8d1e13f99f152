/**
 * The store every tool on a page shares: opened once, on first use, and flushed when the page
 * is hidden or closed so that nothing typed in the last moment is lost. Where that cannot be
 * promised (the browser keeps nothing, or refuses the journal and the words are not written yet),
 * the browser asks before the page is left. With a passphrase lock and an idle time chosen, it
 * locks itself (and every other tab) after that long without a touch or a key in any tab.
 */
import { RecordStore } from './store';

let shared: Promise<RecordStore> | undefined;

export function getStore(): Promise<RecordStore> {
  if (!shared) {
    shared = RecordStore.open();
    void shared.then((store) => {
      addEventListener('pagehide', () => store.saveBeforeLeaving());
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') store.saveBeforeLeaving();
      });
      addEventListener('beforeunload', (event) => {
        // Only decides: pagehide, which follows, writes the journal and starts the write.
        const wouldLose = store.status.kept === 'page' ? store.all().length > 0 : store.hasUnsavedWords && !store.journalAvailable;
        if (wouldLose) event.preventDefault(); // the browser's own "Leave this page?" question
      });
      lockWhenIdle(store);
    });
  }
  return shared;
}

function lockWhenIdle(store: RecordStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    const { lockEnabled, locked, idleMinutes } = store.status;
    if (lockEnabled && !locked && idleMinutes > 0) timer = setTimeout(() => void store.lockNow(), idleMinutes * 60_000);
  };
  const active = () => {
    restart();
    store.shareActivity();
  };
  for (const event of ['pointerdown', 'keydown', 'scroll']) addEventListener(event, active, { passive: true });
  store.onActivityElsewhere(restart);
  store.subscribe(restart);
  restart();
}

export type { Keeping, RecordState, StoreStatus } from './store';
export { RecordStore } from './store';
