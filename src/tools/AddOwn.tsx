/** A box and an Add button for a person's own item, in lists that allow one. */
import { type SubmitEvent, useId, useState } from 'react';
import type { Labels } from './labels';

export function AddOwn({ labels, onAdd, disabled }: { labels: Labels; onAdd: (item: string) => void; disabled: boolean }) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const item = draft.trim();
    if (!item) return;
    onAdd(item);
    setDraft('');
  };
  return (
    <form className="tool__add" onSubmit={submit}>
      <label htmlFor={id}>{labels['tool.addOwn']}</label>
      <div className="tool__add-row">
        <input id={id} type="text" value={draft} maxLength={500} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button" disabled={disabled}>
          {labels['tool.add']}
        </button>
      </div>
    </form>
  );
}
