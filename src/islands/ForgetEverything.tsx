/**
 * *Forget everything on this device*, behind one clear question (the safe answer has focus). On
 * My plan, and on the lock screen: a person who forgot the passphrase can always start again.
 */
import { useId, useState } from 'react';
import type { RecordStore } from '../device';

type Labels = Record<string, string>;

export function ForgetEverything({ store, labels, onForgotten }: { store: RecordStore; labels: Labels; onForgotten: () => void }) {
  const [asking, setAsking] = useState(false);
  const id = useId();
  const l = (key: string) => labels[key] ?? key;
  if (!asking) {
    return (
      <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
        {l('plan.forgetButton')}
      </button>
    );
  }
  return (
    <div className="your-data__confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
      <p id={`${id}-confirm`}>{l('plan.forgetConfirm')}</p>
      <div className="tool__actions">
        <button type="button" className="button button--danger" onClick={() => void store.forgetEverything().then(() => (setAsking(false), onForgotten()))}>
          {l('plan.forgetYes')}
        </button>
        <button type="button" className="button button--secondary" autoFocus onClick={() => setAsking(false)}>
          {l('plan.forgetNo')}
        </button>
      </div>
    </div>
  );
}
