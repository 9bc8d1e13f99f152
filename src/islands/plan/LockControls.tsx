/** Keep words on this device locked with the person's own passphrase, or take the lock away. */
import { type SubmitEvent, useId, useState } from 'react';
import type { RecordStore } from '../../device';

type Labels = Record<string, string>;
const idleChoices = [5, 15, 30, 0];

export function LockControls({ store, labels }: { store: RecordStore; labels: Labels }) {
  const id = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [idle, setIdle] = useState(15);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const l = (key: string) => labels[key] ?? key;

  if (store.status.lockEnabled) {
    return (
      <section className="lock-controls" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{l('lock.setHeading')}</h3>
        <p role="status">{message || l('lock.on')}</p>
        <div className="tool__actions">
          <button type="button" className="button" onClick={() => void store.lockNow()}>
            {l('lock.lockNow')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void store.removeLock().then(() => setMessage(l('lock.removed')))}>
            {l('lock.remove')}
          </button>
        </div>
      </section>
    );
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (first.length < 6) return setProblem(l('lock.tooShort'));
    if (first !== second) return setProblem(l('lock.mismatch'));
    setProblem('');
    await store.setPassphrase(first, idle);
    setFirst('');
    setSecond('');
    setMessage(l('lock.done'));
    // "Lock my words" means now: every page hides the words at once, and the passphrase opens them again.
    await store.lockNow();
  };

  return (
    <section className="lock-controls" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{l('lock.setHeading')}</h3>
      <p>{l('lock.setText')}</p>
      <p className="lock-controls__warning">{l('lock.warning')}</p>
      <p role="status">{message}</p>
      <form className="lock-controls__form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-1`}>{l('lock.new')}</label>
        <input id={`${id}-1`} type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} />
        <label htmlFor={`${id}-2`}>{l('lock.repeat')}</label>
        <input id={`${id}-2`} type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} />
        <label htmlFor={`${id}-idle`}>{l('lock.idle')}</label>
        <select id={`${id}-idle`} value={idle} onChange={(e) => setIdle(Number(e.target.value))}>
          {idleChoices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {l(`lock.idle.${minutes}`)}
            </option>
          ))}
        </select>
        <p role="alert" className="lock-screen__wrong">
          {problem}
        </p>
        <button type="submit" className="button">
          {l('lock.set')}
        </button>
      </form>
    </section>
  );
}
