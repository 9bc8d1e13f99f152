/**
 * `<Checklist>` (tick what applies) and `<Choices>` (pick cards): the author's items plus the
 * person's own, which they can remove again.
 */
import { useId } from 'react';
import { AddOwn } from '../AddOwn';
import { fill } from '../labels';
import { withLock } from '../LockGuard';
import { SaveStatus, StorageNotice } from '../SaveStatus';
import type { ToolProps } from '../tool';
import { useRecord } from '../useRecord';

function PickItemsTool({ tool, hint, labels }: ToolProps<'checklist' | 'choices'>) {
  const { value, save, ready, state, store, resolve } = useRecord(tool.id, tool.module, tool.kind, { selected: [], added: [] });
  const id = useId();
  const toggle = (item: string) =>
    save({
      ...value,
      selected: value.selected.includes(item) ? value.selected.filter((s) => s !== item) : [...value.selected, item],
    });
  const addOwn = (item: string) => {
    if ([...tool.items, ...value.added].includes(item)) return toggle(item);
    save({ added: [...value.added, item], selected: [...value.selected, item] });
  };
  const removeOwn = (item: string) => save({ added: value.added.filter((a) => a !== item), selected: value.selected.filter((s) => s !== item) });
  const items = [...tool.items, ...value.added];
  const cards = tool.kind === 'choices';
  return (
    <div className="tool__body">
      <StorageNotice toolId={tool.id} status={store?.status} labels={labels} />
      <fieldset className="tool__fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="tool__prompt">{tool.prompt}</legend>
        {hint && (
          <p className="tool__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <ul className={cards ? 'tool__cards' : 'tool__checklist'}>
          {items.map((item, index) => {
            const own = value.added.includes(item);
            const selected = value.selected.includes(item);
            return (
              <li key={item} className={own ? 'tool__own' : undefined}>
                {cards ? (
                  <button type="button" className="tool__card" aria-pressed={selected} disabled={!ready} onClick={() => toggle(item)}>
                    <span className="tool__tick" aria-hidden="true">
                      {selected ? '✓' : ''}
                    </span>
                    {item}
                  </button>
                ) : (
                  <label className="tool__check">
                    <input type="checkbox" checked={selected} disabled={!ready} onChange={() => toggle(item)} />
                    <span>{item}</span>
                  </label>
                )}
                {own && (
                  <button
                    type="button"
                    className="tool__remove"
                    aria-label={fill(labels['tool.remove'], { item })}
                    onClick={() => removeOwn(item)}
                    id={`${id}-remove-${index}`}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <AddOwn labels={labels} onAdd={addOwn} disabled={!ready} />
      <SaveStatus state={state} status={store?.status} labels={labels} onResolve={resolve} />
    </div>
  );
}

export default withLock(PickItemsTool);
