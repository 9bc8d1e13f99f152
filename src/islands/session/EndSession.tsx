/**
 * Ending a session together: what was written today, then the person takes it with them (a QR
 * code for their own phone, a file, paper) and chooses what this device keeps (locked, or nothing).
 */
import { useEffect, useState } from 'react';
import { qrTransfer } from 'virtual:waymark/features';
import { type StoredRecord } from '../../storage/schema';
import { carryUrl, maxCarryUrlLength } from '../../storage/carry';
import { exportDocument } from '../../storage/transfer';
import { LockScreen } from '../LockScreen';
import { AnswerValue, type PlanModule } from '../plan/MyPlan';
import { LockControls } from '../plan/LockControls';
import { ForgetEverything, saveCopyToFile } from '../plan/YourData';
import { useStore } from '../useRecord';
import { QrCode } from './QrCode';

interface Props {
  locale: string;
  modules: PlanModule[];
  labels: Record<string, string>;
  bringBackHref: string;
}

export default function EndSession({ locale, modules, labels, bringBackHref }: Props) {
  const store = useStore();
  const [link, setLink] = useState<string>();
  const [message, setMessage] = useState('');
  const l = (key: string) => labels[key] ?? key;
  const records = store?.all() ?? [];
  const fingerprint = records.map((r) => `${r.id}:${r.updatedAt}`).join();

  useEffect(() => {
    if (!store || store.status.locked) return;
    // QR transfer switched off in site.yaml: no link is made, and the QR code's code is left out.
    if (qrTransfer) void exportDocument(store).then((document) => setLink(carryUrl(document, new URL(bringBackHref, location.href).href)));
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
            <AnswerValue tool={tool} record={record} labels={labels as never} locale={locale} />
          </div>
        ))}
      </section>

      {records.length > 0 && (
        <section aria-labelledby="take" className="end-session__actions">
          <h2 id="take">{l('end.takeHeading')}</h2>
          {qrTransfer && (
            <>
              <h3>{l('end.qrHeading')}</h3>
              {link && link.length <= maxCarryUrlLength ? (
                <>
                  <p>{l('end.qrText')}</p>
                  <QrCode text={link} label={l('end.qrLabel')} />
                </>
              ) : (
                link && <p>{l('end.qrTooLarge')}</p>
              )}
            </>
          )}
          <h3>{l('end.fileHeading')}</h3>
          <p>{l('plan.exportText')}</p>
          <button type="button" className="button" onClick={() => void saveCopyToFile(store).then((file) => setMessage(labels['plan.exportDone']!.replace('{file}', file)))}>
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
