/**
 * Save a copy to a file, bring a copy back (checked and previewed first, applied all at once),
 * and forget everything on this device (confirmed). Nothing here changes data without a yes.
 */
import { type ChangeEvent, useState } from 'react';
import type { RecordStore } from '../../device';
import type { StoredRecord } from '../../device/schema';
import { type ExportDocument, exportDocument, exportFileName, type ImportPreview, parseImport, previewImport } from '../../device/transfer';
import { fill } from '../../tools/labels';
import { ForgetEverything } from '../ForgetEverything';
import { answerWords } from './answer-words';

type Labels = Record<string, string>;
type Stage = { kind: 'idle'; message?: string; problem?: boolean } | { kind: 'preview'; preview: ImportPreview };

export function YourData({
  store,
  labels,
  siteName,
  questions,
}: {
  store: RecordStore;
  labels: Labels;
  siteName: string;
  /** Each tool's question by its id, shown above the words a file would add. */
  questions?: Record<string, string> | undefined;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const l = (key: string) => labels[key] ?? key;

  const saveCopy = async () => {
    const file = await saveCopyToFile(store, siteName);
    setStage({ kind: 'idle', message: fill(l('plan.exportDone'), { file }) });
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still works
    if (!file) return;
    const parsed = parseImport(await file.text());
    if (!parsed.ok) {
      setStage({ kind: 'idle', message: l(`plan.importProblem.${parsed.problem}`), problem: true });
      return;
    }
    const preview = previewImport(store, parsed.document);
    if (preview.added.length === 0 && preview.replaced.length === 0) setStage({ kind: 'idle', message: l('plan.importNothing') });
    else setStage({ kind: 'preview', preview });
  };

  const apply = async (records: StoredRecord[]) => {
    try {
      await store.putAll(records);
      setStage({ kind: 'idle', message: fill(l('plan.importDone'), { count: records.length }) });
    } catch {
      setStage({ kind: 'idle', message: l('plan.importFailed'), problem: true });
    }
  };

  return (
    <section className="your-data" aria-labelledby="your-data">
      <h2 id="your-data">{l('plan.dataHeading')}</h2>
      <p className={`your-data__message${stage.kind === 'idle' && stage.problem ? ' your-data__message--problem' : ''}`} role="status">
        {stage.kind === 'idle' ? stage.message : ''}
      </p>

      <h3>{l('plan.exportHeading')}</h3>
      <p>{l('plan.exportText')}</p>
      <button type="button" className="button" onClick={() => void saveCopy()}>
        {l('plan.exportButton')}
      </button>

      <h3>{l('plan.importHeading')}</h3>
      <p>{l('plan.importText')}</p>
      {stage.kind === 'preview' ? (
        <ImportPreviewPanel
          preview={stage.preview}
          labels={labels}
          questions={questions}
          onApply={(records) => void apply(records)}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      ) : (
        <label className="your-data__file">
          <span>{l('plan.importLabel')}</span>
          <input type="file" accept="application/json,.json" onChange={(event) => void chooseFile(event)} />
        </label>
      )}

      <h3>{l('plan.forgetHeading')}</h3>
      <p>{l('plan.forgetText')}</p>
      <ForgetEverything store={store} labels={labels} onForgotten={() => setStage({ kind: 'idle', message: l('plan.forgetDone') })} />
    </section>
  );
}

/** Download everything as a file named after the site; returns the file's name. */
export async function saveCopyToFile(store: RecordStore, siteName: string): Promise<string> {
  return saveDocumentToFile(await exportDocument(store), siteName);
}

/** Download a copy (all of it, or the answers a person chose) as a file named after the site; returns its name. */
export function saveDocumentToFile(document: ExportDocument, siteName: string): string {
  return saveFile(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), exportFileName(siteName));
}

/** Hands a file to the browser to save, named `name`; returns the name. */
export function saveFile(contents: Blob, name: string): string {
  const url = URL.createObjectURL(contents);
  const link = Object.assign(window.document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return name;
}

/** How many answers a preview shows in words; the rest are counted ("And 12 more"). */
const shownInWords = 20;

/** What a file or link would add or change, and the person's choice: nothing changes without it. */
export function ImportPreviewPanel({
  preview,
  labels,
  questions = {},
  onApply,
  onCancel,
}: {
  preview: ImportPreview;
  labels: Labels;
  /** Each tool's question by its id, where the page knows them: said above the answer's words. */
  questions?: Record<string, string> | undefined;
  onApply: (records: StoredRecord[]) => void;
  onCancel: () => void;
}) {
  const l = (key: string) => labels[key] ?? key;
  // The words themselves, so a person sees what they are adding: new answers first, then changes.
  const incoming = [
    ...preview.added.map((record) => ({ record, note: '' })),
    ...preview.replaced.map(({ incoming, incomingIsNewer }) => ({ record: incoming, note: l(incomingIsNewer ? 'plan.importNewer' : 'plan.importOlder') })),
  ];
  const hiddenCount = incoming.length - shownInWords;
  return (
    <div className="your-data__preview" role="region" aria-label={l('plan.importHeading')}>
      <ul>
        <li>{fill(l('plan.importAdded'), { count: preview.added.length })}</li>
        <li>{fill(l('plan.importReplaced'), { count: preview.replaced.length })}</li>
        <li>{fill(l('plan.importUnchanged'), { count: preview.unchanged })}</li>
      </ul>
      <p>{l('plan.importWords')}</p>
      <ul className="your-data__changes">
        {incoming.slice(0, shownInWords).map(({ record, note }) => (
          <li key={record.id}>
            {questions[record.id] && (
              <>
                <strong>{questions[record.id]}</strong>
                <br />
              </>
            )}
            {answerWords(record, labels)}
            {note && ` ${note}`}
          </li>
        ))}
      </ul>
      {hiddenCount > 0 && <p>{fill(l('plan.importMore'), { count: hiddenCount })}</p>}
      {preview.replaced.length > 0 ? (
        <div className="tool__actions">
          <button type="button" className="button" onClick={() => onApply(preview.added)}>
            {l('plan.importOnlyNew')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onApply([...preview.added, ...preview.replaced.map((r) => r.incoming)])}>
            {l('plan.importAll')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => onApply(preview.added)}>
          {l('plan.importConfirm')}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {l('plan.importCancel')}
      </button>
    </div>
  );
}
