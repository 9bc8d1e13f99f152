/**
 * The store every tool on a page shares: opened once, on first use, and flushed when the page
 * is hidden or closed so that nothing typed in the last moment is lost. With a passphrase lock
 * and an idle time chosen, it locks itself after that long without a touch or a key.
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
  for (const event of ['pointerdown', 'keydown', 'scroll']) addEventListener(event, restart, { passive: true });
  store.subscribe(restart);
  restart();
}

export type { RecordState, StoreStatus } from './store';
export { RecordStore } from './store';
