/**
 * Shows a tool only when the words can be read; while locked, the lock screen instead. The lock
 * screen's code loads only when needed: most devices never have a lock.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { useStore } from './useRecord';

const Locked = lazy(() => import('./LockScreen').then((module) => ({ default: module.Locked })));

export function LockGuard({ owner, labels, children }: { owner: string; labels: Record<string, string>; children: ReactNode }) {
  const store = useStore();
  if (store?.status.locked) {
    return (
      <div className="tool__body">
        <Suspense fallback={null}>
          <Locked owner={owner} store={store} labels={labels} />
        </Suspense>
      </div>
    );
  }
  return <>{children}</>;
}
