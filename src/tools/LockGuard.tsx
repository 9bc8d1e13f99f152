/**
 * Shows a tool only when the words can be read; while locked, the lock screen instead. The lock
 * screen's code loads only when needed: most devices never have a lock.
 */
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useStore } from './useRecord';

const Locked = lazy(() => import('../islands/LockScreen').then((module) => ({ default: module.Locked })));

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

/** A tool island that shows the lock screen instead of itself while the words are locked. */
export function withLock<P extends { tool: { id: string }; labels: Record<string, string> }>(Tool: ComponentType<P>) {
  return function Guarded(props: P) {
    return (
      <LockGuard owner={props.tool.id} labels={props.labels}>
        <Tool {...props} />
      </LockGuard>
    );
  };
}
