/**
 * The page a QR code opens on the person's own phone: takes the words from the link's fragment,
 * checks them like a file, shows what would be added, and adds nothing without a yes. A numbered
 * code ("2 of 3") is held for this tab only (scanned-parts.ts) until every code of its set is in;
 * only then are they joined and read.
 *
 * The fragment leaves the address bar (and this history entry) as soon as the page has it, even
 * on a locked device: from then on only this page's memory holds the words, until they are added
 * after unlocking, or the page closes. Where this browser keeps nothing, or only for a guest
 * session, the page says so before anything is added, and offers a file instead.
 */
import { useEffect, useRef, useState } from 'react';
import { type Carried, type CarryPart, joinParts, readCarried, readPart } from '../../device/carry';
import { addScannedPart, forgetScannedParts, partsChannel, scannedParts } from '../../device/scanned-parts';
import type { StoredRecord } from '../../device/schema';
import { type ExportDocument, exportFileName, type ImportPreview, previewImport } from '../../device/transfer';
import { LockScreen } from '../LockScreen';
import { ImportPreviewPanel } from '../plan/YourData';
import { useStore } from '../../tools/useRecord';

type Stage = { kind: 'reading' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'done'; message: string; problem?: boolean };
/** Numbered codes scanned so far, while some are still to come, and what the last scan did. */
type Scanning = { have: number[]; count: number; note?: string };

interface Props {
  labels: Record<string, string>;
  planHref: string;
  /** The site's name, for the file a person may save instead. */
  siteName: string;
  /** Each tool's question by its id, shown above the words the link would add. */
  questions?: Record<string, string>;
}

export default function BringBack({ labels, planHref, siteName, questions }: Props) {
  const store = useStore();
  const [carried, setCarried] = useState<Carried>();
  const [scanning, setScanning] = useState<Scanning>();
  const [stage, setStage] = useState<Stage>({ kind: 'reading' });
  const [saved, setSaved] = useState('');
  const l = (key: string) => labels[key] ?? key;
  const locked = store?.status.locked ?? true;
  const backend = store?.status.backend;
  const ticket = useRef(0);

  // Take the words out of the address at once, before the store opens or is unlocked.
  useEffect(() => {
    let mine = 0;
    let collecting = false; // this tab is gathering numbered codes
    const current = (ticketAt: number) => ticketAt === ticket.current;
    // All of a set in: join them here, and tell other tabs holding some of them to let go.
    const show = (parts: CarryPart[], note?: string) => {
      const count = parts[0]?.count ?? 0;
      if (count > 0 && parts.length === count) {
        collecting = false;
        forgetScannedParts();
        channel.joined(parts[0]!.set);
        const at = mine;
        return void joinParts(parts).then((joined) => current(at) && (setScanning(undefined), setCarried(joined)));
      }
      setScanning({ have: parts.map((part) => part.index), count, ...(note && { note }) });
    };
    const channel = partsChannel({
      parts: (parts) => current(mine) && collecting && show(parts),
      joinedElsewhere: () => current(mine) && collecting && setScanning({ have: [], count: 0, note: l('bring.scanJoinedElsewhere') }),
    });
    const take = (hash: string) => {
      const at = (mine = ++ticket.current);
      setCarried(undefined);
      setScanning(undefined);
      setStage({ kind: 'reading' });
      const part = readPart(hash);
      const held = scannedParts();
      collecting = part !== undefined || (!hash && held.length > 0);
      if (!collecting) return void readCarried(hash).then((result) => current(at) && setCarried(result));
      // A numbered code, or this page reloaded part-way through a set: hold it until all are in.
      const scan = typeof part === 'object' ? addScannedPart(part) : { kind: part ?? 'reloaded', parts: held };
      const notes = { repeated: 'bring.scanRepeated', otherSet: 'bring.scanOtherSet', broken: 'bring.scanBroken' } as Record<string, string>;
      const note = notes[scan.kind];
      show(scan.parts, note && l(note).replace('{part}', typeof part === 'object' ? String(part.index) : ''));
      if (scan.kind === 'added' && scan.parts.length < (scan.parts[0]?.count ?? 0)) channel.ask(); // another tab may hold the rest
    };
    take(takeFragment());
    // Another link opened in this tab changes only the fragment: take that one too.
    const onHashChange = () => location.hash && take(takeFragment());
    addEventListener('hashchange', onHashChange);
    return () => {
      removeEventListener('hashchange', onHashChange);
      channel.close();
    };
  }, []);

  useEffect(() => {
    if (!store || locked || !carried || stage.kind !== 'reading') return;
    if (!carried.ok) {
      const own = { empty: 'bring.none', mismatch: 'bring.scanMismatch' } as Record<string, string>;
      const message = l(own[carried.problem] ?? `plan.importProblem.${carried.problem}`);
      setStage({ kind: 'done', message, problem: carried.problem !== 'empty' });
      return;
    }
    const preview = previewImport(store, carried.document);
    if (preview.added.length === 0 && preview.replaced.length === 0) setStage({ kind: 'done', message: l('plan.importNothing') });
    else setStage({ kind: 'preview', preview });
  }, [store, locked, carried, stage.kind]);

  // Between numbered codes: how many are in, which are missing, and what the last scan did.
  const scanView = scanning && (
    <div className="bring-back__scan">
      <div role="status">
        {scanning.note && <p className="your-data__message">{scanning.note}</p>}
        {scanning.count > 0 && (
          <>
            <p className="your-data__message">
              {l('bring.scanProgress').replace('{scanned}', String(scanning.have.length)).replace('{count}', String(scanning.count))}
            </p>
            <p>
              {l('bring.scanMissing').replace(
                '{missing}',
                Array.from({ length: scanning.count }, (_, at) => at + 1)
                  .filter((index) => !scanning.have.includes(index))
                  .join(', '),
              )}
            </p>
          </>
        )}
      </div>
      {scanning.count > 0 && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              forgetScannedParts();
              setScanning({ have: [], count: 0, note: l('bring.scanCleared') });
            }}
          >
            {l('bring.scanRestart')}
          </button>
        </p>
      )}
    </div>
  );

  if (!store) return <p>{l('plan.loading')}</p>;
  if (store.status.locked)
    return (
      <>
        {scanView}
        {carried?.ok && <p>{l('bring.heldUntilUnlock')}</p>}
        <LockScreen store={store} labels={labels} />
      </>
    );

  const apply = async (records: StoredRecord[]) => {
    try {
      await store.putAll(records);
      const done = backend === 'memory' ? 'bring.doneNotKept' : backend === 'session' ? 'bring.doneGuest' : 'bring.done';
      setStage({ kind: 'done', message: l(done) });
    } catch {
      setStage({ kind: 'done', message: l('plan.importFailed'), problem: true });
    }
  };
  const document = carried?.ok ? carried.document : undefined;
  const saveButton = document && backend === 'memory' && (
    <p>
      <button type="button" className="button" onClick={() => setSaved(l('plan.exportDone').replace('{file}', saveToFile(document, siteName)))}>
        {l('bring.saveFile')}
      </button>
    </p>
  );

  return (
    <div className="bring-back">
      {scanView}
      {stage.kind === 'preview' && (
        <>
          {backend === 'memory' && (
            <>
              <p role="note">{l('bring.notKept')}</p>
              {saveButton}
            </>
          )}
          {backend === 'session' && <p role="note">{l('bring.guest')}</p>}
          <ImportPreviewPanel
            preview={stage.preview}
            labels={labels}
            questions={questions}
            onApply={(records) => void apply(records)}
            onCancel={() => setStage({ kind: 'done', message: l('bring.cancelled') })}
          />
        </>
      )}
      {stage.kind === 'done' && (
        <>
          <p role="status" className={`your-data__message${stage.problem ? ' your-data__message--problem' : ''}`}>
            {stage.message}
          </p>
          {saveButton}
          <p>
            <a className="button" href={planHref}>
              {l('plan.title')}
            </a>
          </p>
        </>
      )}
      {saved && (
        <p role="status" className="your-data__message">
          {saved}
        </p>
      )}
    </div>
  );
}

/** The words are in the address: take them, and leave no trace of them in the bar or this history entry. */
function takeFragment(): string {
  const hash = location.hash;
  if (hash) history.replaceState(history.state, '', location.pathname + location.search);
  return hash;
}

/** What the link carried, as the same file My plan saves, for a browser that keeps nothing. */
function saveToFile(document: ExportDocument, siteName: string): string {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: exportFileName(siteName) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return link.download;
}
