/** `<PlanList>`: build a list for one part of a personal plan; examples can be added with a tap. */
import { AddOwn } from '../AddOwn';
import { fill } from '../labels';
import { withLock } from '../LockGuard';
import { SaveStatus, StorageNotice } from '../SaveStatus';
import type { ToolProps } from '../tool';
import { useRecord } from '../useRecord';

function PlanListTool({ tool, hint, labels }: ToolProps<'planlist'>) {
  const { value, save, ready, state, store, resolve } = useRecord(tool.id, tool.module, 'planlist', { items: [] });
  const add = (item: string) => {
    if (!value.items.includes(item)) save({ items: [...value.items, item] });
  };
  const remove = (item: string) => save({ items: value.items.filter((i) => i !== item) });
  const examples = tool.items.filter((example) => !value.items.includes(example));
  return (
    <div className="tool__body">
      <StorageNotice toolId={tool.id} status={store?.status} labels={labels} />
      <p className="tool__prompt" id={`${tool.id}-prompt`}>
        {tool.prompt}
      </p>
      {hint && <p className="tool__hint">{hint}</p>}
      {value.items.length > 0 ? (
        <ul className="tool__plan" aria-labelledby={`${tool.id}-prompt`}>
          {value.items.map((item) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" className="tool__remove" aria-label={fill(labels['tool.remove'], { item })} onClick={() => remove(item)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="tool__empty">{labels['tool.nothingYet']}</p>
      )}
      {examples.length > 0 && (
        <div className="tool__examples">
          <p>{labels['tool.examples']}</p>
          <ul>
            {examples.map((example) => (
              <li key={example}>
                <button type="button" className="tool__example" disabled={!ready} onClick={() => add(example)}>
                  <span aria-hidden="true">+ </span>
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <AddOwn labels={labels} onAdd={add} disabled={!ready} />
      <SaveStatus state={state} status={store?.status} labels={labels} onResolve={resolve} />
    </div>
  );
}

export default withLock(PlanListTool);
