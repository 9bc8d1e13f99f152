/**
 * The store every tool on a page shares: opened once, on first use, and flushed when the page
 * is hidden or closed so that nothing typed in the last moment is lost.
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
    });
  }
  return shared;
}

export type { RecordState, StoreStatus } from './store';
export { RecordStore } from './store';
