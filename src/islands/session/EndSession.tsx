/**
 * Ending a session together: what was written today, then the person takes it with them (a QR
 * code for their own phone, a file, paper) and chooses what this device keeps (locked, or nothing).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { qrTransfer } from 'virtual:waymark/features';
import { type StoredRecord } from '../../device/schema';
import { exportDocument } from '../../device/transfer';
import { LockScreen } from '../LockScreen';
import { AnswerValue } from '../../tools/AnswerValue';
import { useStore } from '../../tools/useRecord';
import type { PlanModule } from '../plan/MyPlan';
import { LockControls } from '../plan/LockControls';
import { ForgetEverything } from '../ForgetEverything';
import { saveCopyToFile } from '../plan/YourData';

// QR transfer's code (the QR generator, the compression) loads only on this page, and only when
// switched on in site.yaml: with `qrTransfer` false at build time, none of it is in the build.
const QrCodes = qrTransfer ? lazy(() => import('./QrCode').then((module) => ({ default: module.QrCodes }))) : undefined;
type Carry = { urls: string[] } | { tooLarge: true };

interface Props {
  locale: string;
  modules: PlanModule[];
  labels: Record<string, string>;
  /** Where the QR code's link opens on the person's phone; empty with QR transfer switched off. */
  bringBackHref: string;
  /** The site's name, for the file a person saves. */
  siteName: string;
}

export default function EndSession({ locale, modules, labels, bringBackHref, siteName }: Props) {
  const store = useStore();
  const [carry, setCarry] = useState<Carry>();
  const [message, setMessage] = useState('');
  const l = (key: string) => labels[key] ?? key;
  const records = store?.all() ?? [];
  const fingerprint = records.map((r) => `${r.id}:${r.updatedAt}`).join();

  useEffect(() => {
    if (!qrTransfer || !store || store.status.locked) return;
    void Promise.all([exportDocument(store), import('../../device/carry')]).then(async ([document, { carryUrls }]) => {
      const urls = await carryUrls(document, new URL(bringBackHref, location.href).href);
      setCarry(urls.length > 0 ? { urls } : { tooLarge: true });
    });
  }, [store, fingerprint, bringBackHref]);

  if (!store) return <p>{l('plan.loading')}</p>;
  if (store.status.locked) return <LockScreen store={store} labels={labels} />;

  const startOfToday = new Date().setHours(0, 0, 0, 0);
  const tools = modules.flatMap((module) => module.tools);
  const today = records
    .filter((record) => record.updatedAt >= startOfToday)
    .map((record) => ({ record, tool: tools.find((tool) => tool.id === record.id) }))
    .filter((entry): entry is { record: StoredRecord; tool: (typeof tools)[number] } => entry.tool !== undefined);
  const guest = store.status.backend === 'session';

  return (
    <div className="end-session">
      <p role="status" className="your-data__message">
        {message}
      </p>
      <section aria-labelledby="today">
        <h2 id="today">{l('end.todayHeading')}</h2>
        {today.length === 0 && <p>{l('end.nothingToday')}</p>}
        {today.map(({ record, tool }) => (
          <div key={record.id} className="plan__answer">
            <h3>{tool.prompt || tool.items[0]}</h3>
            <AnswerValue tool={tool} record={record} labels={labels} locale={locale} />
          </div>
        ))}
      </section>

      {records.length > 0 && (
        <section aria-labelledby="take" className="end-session__actions">
          <h2 id="take">{l('end.takeHeading')}</h2>
          {/* `qrTransfer` first: a build-time constant, so with it off the bundler drops this part and its words. */}
          {qrTransfer && QrCodes && (
            <>
              <h3>{l('end.qrHeading')}</h3>
              {carry && 'urls' in carry && (
                <>
                  <p>{l('end.qrText')}</p>
                  <Suspense fallback={null}>
                    <QrCodes key={carry.urls[0]} urls={carry.urls} labels={labels} />
                  </Suspense>
                </>
              )}
              {carry && 'tooLarge' in carry && <p>{l('end.qrTooLarge')}</p>}
            </>
          )}
          <h3>{l('end.fileHeading')}</h3>
          <p>{l('plan.exportText')}</p>
          <button
            type="button"
            className="button"
            onClick={() => void saveCopyToFile(store, siteName).then((file) => setMessage(labels['plan.exportDone']!.replace('{file}', file)))}
          >
            {l('plan.exportButton')}
          </button>
          <h3>{l('end.printHeading')}</h3>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {l('end.print')}
          </button>
        </section>
      )}

      <section aria-labelledby="keep" className="end-session__actions">
        <h2 id="keep">{l('end.keepHeading')}</h2>
        {!guest && store.status.backend !== 'memory' && <LockControls store={store} labels={labels} />}
        <h3>{l('end.forgetHeading')}</h3>
        <p>{l('end.forgetText')}</p>
        <ForgetEverything store={store} labels={labels} onForgotten={() => setMessage(l('plan.forgetDone'))} />
        <p>{l('end.togetherOff')}</p>
      </section>
    </div>
  );
}
