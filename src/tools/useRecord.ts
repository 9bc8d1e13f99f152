/** A tool's saved value and save state, kept in step with the shared store (and other tabs). */
import { useEffect, useState } from 'react';
import { getStore, type RecordStore } from '../device';
import type { ToolKind, ValueOf } from '../device/schema';

/** The shared store, once open; the component re-renders on every change it announces. */
export function useStore(): RecordStore | undefined {
  const [store, setStore] = useState<RecordStore>();
  const [, setChanges] = useState(0);
  useEffect(() => {
    let live = true;
    void getStore().then((opened) => live && setStore(opened));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => store?.subscribe(() => setChanges((n) => n + 1)), [store]);
  return store;
}

export function useRecord<K extends ToolKind>(id: string, module: string, kind: K, empty: ValueOf[K]) {
  const store = useStore();
  const record = store?.get(id);
  const value = record?.kind === kind ? (record.value as ValueOf[K]) : empty;
  return {
    store,
    value,
    /** True once saved words have been read: until then the tool waits, so nothing is overwritten. */
    ready: store !== undefined,
    save: (next: ValueOf[K]) => store?.update({ id, module, kind, value: next }),
    state: store?.state(id),
    conflict: store?.conflict(id)?.value as ValueOf[K] | undefined,
    resolve: (keep: 'mine' | 'theirs') => void store?.resolveConflict(id, keep),
  };
}
