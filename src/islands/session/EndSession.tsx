/**
 * Ending a session together: what we'll do next, then everything written today (in any language),
 * each ticked to take or not; the person takes exactly the ticked answers with them (a QR code for
 * their own phone, a file, a page they can read, paper) and chooses what this device keeps.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { qrTransfer } from 'virtual:waymark/features';
import { LockScreen } from '../LockScreen';
import { AnswerValue } from '../../tools/AnswerValue';
import type { Labels } from '../../tools/labels';
import { fill } from '../../tools/labels';
import NextSteps from '../../tools/next-steps/NextSteps';
import { useStore } from '../../tools/useRecord';
import type { PlanModule, PlanTool } from '../plan/MyPlan';
import { languageAttributes, placeAnswers, promptOf } from '../plan/answers';
import { LockControls } from '../plan/LockControls';
import { ForgetEverything } from '../ForgetEverything';
import { saveDocumentToFile, saveFile } from '../plan/YourData';
import { chosenDocument, takeHomeFile } from './handover';

// QR transfer's code (the QR generator, the compression) loads only on this page, and only when
// switched on in site.yaml: with `qrTransfer` false at build time, none of it is in the build.
const QrCodes = qrTransfer ? lazy(() => import('./QrCode').then((module) => ({ default: module.QrCodes }))) : undefined;
type Carry = { urls: string[] } | { tooLarge: true };

interface Props {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The modules of every language, the page's first (`planModules`). */
  modules: PlanModule[];
  /** "What we'll do next", built into this page. */
  nextSteps: PlanTool;
  labels: Record<string, string>;
  /** Where the QR code's link opens on the person's phone; empty with QR transfer switched off. */
  bringBackHref: string;
  /** The site's name, for the file a person saves. */
  siteName: string;
}

export default function EndSession({ locale, dir, modules, nextSteps, labels, bringBackHref, siteName }: Props) {
  const store = useStore();
  const [carry, setCarry] = useState<Carry>();
  const [message, setMessage] = useState('');
  // What the person unticked: everything new is ticked, so nothing they write is left out unasked.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const [canShare, setCanShare] = useState(false);
  const l = (key: string) => labels[key] ?? key;
  const records = store?.all() ?? [];
  const startOfToday = new Date().setHours(0, 0, 0, 0);
  const builtIn: PlanModule = { slug: nextSteps.module, title: nextSteps.prompt, locale, dir, tools: [nextSteps] };
  const today = placeAnswers(
    records.filter((record) => record.updatedAt >= startOfToday),
    [builtIn, ...modules],
  );
  const chosen = today.filter(({ record }) => !leftOut.has(record.id));
  const fingerprint = chosen.map(({ record }) => `${record.id}:${record.updatedAt}`).join();

  useEffect(() => {
    // Only where the phone can share a file: elsewhere the button would promise what it cannot do.
    const probe = new File([''], 'words.html', { type: 'text/html' });
    setCanShare(typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare({ files: [probe] }));
  }, []);

  // The QR code carries the chosen answers, as the file does: this is the one place its link is made.
  useEffect(() => {
    let live = true;
    setCarry(undefined);
    if (!qrTransfer || !store || store.status.locked || chosen.length === 0) return;
    void Promise.all([chosenDocument(store, chosen), import('../../device/carry')]).then(async ([document, { carryUrls }]) => {
      const urls = await carryUrls(document, new URL(bringBackHref, location.href).href);
      if (live) setCarry(urls.length > 0 ? { urls } : { tooLarge: true });
    });
    return () => {
      live = false;
    };
    // `fingerprint` stands for `chosen`: a new array each render, the same answers.
  }, [store, fingerprint, bringBackHref]);

  if (!store) return <p>{l('plan.loading')}</p>;
  if (store.status.locked) return <LockScreen store={store} labels={labels} />;

  const guest = store.status.kept === 'guest';
  const page = { locale, dir, siteName, labels };
  const toggle = (id: string) =>
    setLeftOut((before) => {
      const after = new Set(before);
      if (!after.delete(id)) after.add(id);
      return after;
    });
  const share = async () => {
    try {
      await navigator.share({ files: [takeHomeFile(chosen, page)], title: l('end.readTitle') });
    } catch {
      // The person closed the share sheet: nothing to say.
    }
  };

  return (
    <div className="end-session">
      <p role="status" className="your-data__message">
        {message}
      </p>
      <section aria-labelledby="next-steps" className="handover__next">
        <h2 id="next-steps">{l('next.heading')}</h2>
        <NextSteps tool={{ ...nextSteps, kind: 'nextsteps', prompt: '' }} hint={l('next.prompt')} labels={labels as Labels} locale={locale} />
      </section>

      <section aria-labelledby="today">
        <h2 id="today">{l('end.todayHeading')}</h2>
        {today.length === 0 ? (
          <p>{l('end.nothingToday')}</p>
        ) : (
          <fieldset className="handover">
            <legend>{l('end.chooseText')}</legend>
            {today.map(({ record, tool, module }) => {
              const words = languageAttributes(module);
              const ticked = !leftOut.has(record.id);
              return (
                <div key={record.id} className={`plan__answer handover__item${ticked ? '' : ' handover__item--left-out'}`}>
                  <p className="handover__pick">
                    <input type="checkbox" id={`take-${record.id}`} checked={ticked} onChange={() => toggle(record.id)} />
                    <label htmlFor={`take-${record.id}`} {...words}>
                      {promptOf(tool)}
                    </label>
                  </p>
                  {module.language && <p className="plan__language">{module.language}</p>}
                  <div {...words}>
                    <AnswerValue tool={tool} record={record} labels={labels} locale={locale} />
                  </div>
                </div>
              );
            })}
          </fieldset>
        )}
      </section>

      {today.length > 0 && (
        <section aria-labelledby="take" className="end-session__actions">
          <h2 id="take">{l('end.takeHeading')}</h2>
          {chosen.length === 0 ? (
            <p>{l('end.chosenNone')}</p>
          ) : (
            <>
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
              <h3>{l('end.readHeading')}</h3>
              <p>{l('end.readText')}</p>
              <p className="handover__buttons">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    const file = takeHomeFile(chosen, page);
                    setMessage(fill(l('end.readDone'), { file: saveFile(file, file.name) }));
                  }}
                >
                  {l('end.readButton')}
                </button>
                {canShare && (
                  <button type="button" className="button button--secondary" onClick={() => void share()}>
                    {l('end.share')}
                  </button>
                )}
              </p>
              <h3>{l('end.fileHeading')}</h3>
              <p>{l('end.fileText')}</p>
              <button
                type="button"
                className="button"
                onClick={() =>
                  void chosenDocument(store, chosen).then((document) =>
                    setMessage(fill(l('plan.exportDone'), { file: saveDocumentToFile(document, siteName) })),
                  )
                }
              >
                {l('plan.exportButton')}
              </button>
              <h3>{l('end.printHeading')}</h3>
              <button type="button" className="button button--secondary" onClick={() => window.print()}>
                {l('end.print')}
              </button>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="keep" className="end-session__actions">
        <h2 id="keep">{l(guest ? 'end.keepHeadingGuest' : 'end.keepHeading')}</h2>
        {!guest && store.status.backend !== 'memory' && <LockControls store={store} labels={labels} />}
        <h3>{l('end.forgetHeading')}</h3>
        <p>{l(guest ? 'end.forgetTextGuest' : 'end.forgetText')}</p>
        <ForgetEverything store={store} labels={labels} onForgotten={() => setMessage(l('plan.forgetDone'))} />
        <p>{l('end.togetherOff')}</p>
      </section>
    </div>
  );
}
