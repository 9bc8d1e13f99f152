/**
 * When a passphrase locks the words on this device: the first tool on the page (or My plan)
 * asks for it; the others say they are locked. A wrong passphrase is refused, kindly. Whoever
 * forgot it can still forget everything and start again: that needs no passphrase.
 */
import { type SubmitEvent, useId, useState } from 'react';
import type { RecordStore } from '../device';
import { ForgetEverything } from './ForgetEverything';

type Labels = Record<string, string>;

let formOwner: string | undefined;

export function Locked({ owner, store, labels }: { owner: string; store: RecordStore; labels: Labels }) {
  formOwner ??= owner;
  if (formOwner !== owner) return <p className="tool__locked">{labels['lock.lockedLine']}</p>;
  return <LockScreen store={store} labels={labels} />;
}

export function LockScreen({ store, labels }: { store: RecordStore; labels: Labels }) {
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<'idle' | 'checking' | 'wrong'>('idle');
  const id = useId();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setState('checking');
    const ok = await store.unlock(passphrase);
    setState(ok ? 'idle' : 'wrong');
    if (ok) setPassphrase('');
  };
  return (
    <form className="lock-screen" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <p className="lock-screen__heading" id={`${id}-heading`}>
        <span aria-hidden="true">🔒 </span>
        {labels['lock.heading']}
      </p>
      <p>{labels['lock.text']}</p>
      <label htmlFor={`${id}-pass`}>{labels['lock.label']}</label>
      <div className="tool__add-row">
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-invalid={state === 'wrong'}
          aria-describedby={state === 'wrong' ? `${id}-wrong` : undefined}
        />
        <button type="submit" className="button" disabled={state === 'checking' || passphrase === ''}>
          {state === 'checking' ? labels['lock.checking'] : labels['lock.unlock']}
        </button>
      </div>
      <p id={`${id}-wrong`} role="alert" className="lock-screen__wrong">
        {state === 'wrong' ? labels['lock.wrong'] : ''}
      </p>
      <p className="tool__hint">{labels['lock.forgot']}</p>
      <ForgetEverything store={store} labels={labels} onForgotten={() => undefined} />
    </form>
  );
}
