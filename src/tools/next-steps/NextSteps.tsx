/**
 * `<NextSteps>`: at the end of a session, the person writes what they will do next (required), and
 * the worker may add a line; each save is a new dated entry, so every session's step is kept.
 * Saved on a button rather than as you type: an entry is one agreed step, not a draft.
 */
import { type SyntheticEvent, useId, useState } from 'react';
import { withLock } from '../LockGuard';
import { SaveStatus, StorageNotice } from '../SaveStatus';
import type { ToolProps } from '../tool';
import { useRecord } from '../useRecord';
import NextStepsAnswer from './NextStepsAnswer';

function NextStepsTool({ tool, hint, labels, locale }: ToolProps<'nextsteps'> & { locale: string }) {
  const { value, save, ready, state, store, resolve } = useRecord(tool.id, tool.module, 'nextsteps', { entries: [] });
  const [words, setWords] = useState('');
  const [worker, setWorker] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!words.trim()) {
      setMissing(true);
      document.getElementById(`${id}-words`)?.focus();
      return;
    }
    const entry = { at: Date.now(), words: words.trim(), ...(worker.trim() ? { worker: worker.trim() } : {}) };
    save({ entries: [...value.entries, entry] });
    setWords('');
    setWorker('');
    setMissing(false);
  };

  return (
    <form className="tool__body next-steps" onSubmit={submit} noValidate>
      <StorageNotice toolId={tool.id} status={store?.status} labels={labels} />
      {tool.prompt && <p className="tool__prompt">{tool.prompt}</p>}
      {hint && <p className="tool__hint">{hint}</p>}
      <label className="next-steps__label" htmlFor={`${id}-words`}>
        {labels['next.words']}
      </label>
      <textarea
        id={`${id}-words`}
        className="tool__text"
        rows={3}
        value={words}
        readOnly={!ready}
        aria-required="true"
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => setWords(event.target.value)}
      />
      {missing && (
        <p className="tool__status tool__status--problem" id={`${id}-missing`}>
          {labels['next.needWords']}
        </p>
      )}
      <label className="next-steps__label" htmlFor={`${id}-worker`}>
        {labels['next.worker']}
      </label>
      <input id={`${id}-worker`} className="tool__text" type="text" value={worker} readOnly={!ready} onChange={(event) => setWorker(event.target.value)} />
      <p>
        <button type="submit" className="button" disabled={!ready}>
          {labels['next.save']}
        </button>
      </p>
      <SaveStatus state={state} status={store?.status} labels={labels} onResolve={resolve} />
      {value.entries.length > 0 && (
        <>
          <p className="next-steps__heading">{labels['next.earlier']}</p>
          <NextStepsAnswer tool={tool} value={value} labels={labels} locale={locale} />
        </>
      )}
    </form>
  );
}

export default withLock(NextStepsTool);
