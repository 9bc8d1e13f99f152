/**
 * The page a QR code opens on the person's own phone: reads the words from the link's fragment,
 * checks them like a file, shows what would be added, and adds nothing without a yes. The
 * fragment is then removed from the address bar.
 */
import { useEffect, useState } from 'react';
import { readCarried } from '../../device/carry';
import type { StoredRecord } from '../../device/schema';
import { type ImportPreview, previewImport } from '../../device/transfer';
import { LockScreen } from '../LockScreen';
import { ImportPreviewPanel } from '../plan/YourData';
import { useStore } from '../../tools/useRecord';

type Stage = { kind: 'reading' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'done'; message: string; problem?: boolean };

export default function BringBack({ labels, planHref }: { labels: Record<string, string>; planHref: string }) {
  const store = useStore();
  const [stage, setStage] = useState<Stage>({ kind: 'reading' });
  const l = (key: string) => labels[key] ?? key;
  const locked = store?.status.locked ?? true;

  useEffect(() => {
    if (!store || locked || stage.kind !== 'reading') return;
    const carried = readCarried(location.hash);
    if (!carried.ok) {
      const message = carried.problem === 'empty' ? l('bring.none') : l(`plan.importProblem.${carried.problem}`);
      setStage({ kind: 'done', message, problem: carried.problem !== 'empty' });
      forgetFragment();
      return;
    }
    const preview = previewImport(store, carried.document);
    if (preview.added.length === 0 && preview.replaced.length === 0) {
      setStage({ kind: 'done', message: l('plan.importNothing') });
      forgetFragment();
    } else setStage({ kind: 'preview', preview });
  }, [store, locked, stage.kind]);

  if (!store) return <p>{l('plan.loading')}</p>;
  if (store.status.locked) return <LockScreen store={store} labels={labels} />;

  const apply = async (records: StoredRecord[]) => {
    try {
      await store.putAll(records);
      setStage({ kind: 'done', message: l('bring.done') });
    } catch {
      setStage({ kind: 'done', message: l('plan.importFailed'), problem: true });
    }
    forgetFragment();
  };

  return (
    <div className="bring-back">
      {stage.kind === 'preview' && (
        <ImportPreviewPanel
          preview={stage.preview}
          labels={labels}
          onApply={(records) => void apply(records)}
          onCancel={() => {
            setStage({ kind: 'done', message: l('bring.cancelled') });
            forgetFragment();
          }}
        />
      )}
      {stage.kind === 'done' && (
        <>
          <p role="status" className={`your-data__message${stage.problem ? ' your-data__message--problem' : ''}`}>
            {stage.message}
          </p>
          <p>
            <a className="button" href={planHref}>
              {l('plan.title')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}

/** The words are in the address; once read, they should not stay in the address bar. */
function forgetFragment(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
