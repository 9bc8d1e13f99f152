/** `<Reflection>`: a prompt and a box to write in, saved as you type. */
import { useId } from 'react';
import { withLock } from '../LockGuard';
import { SaveStatus, StorageNotice } from '../SaveStatus';
import type { ToolProps } from '../tool';
import { useRecord } from '../useRecord';

function ReflectionTool({ tool, hint, labels }: ToolProps<'reflection'>) {
  const { value, save, ready, state, store, conflict, resolve } = useRecord(tool.id, tool.module, 'reflection', { text: '' });
  const id = useId();
  return (
    <div className="tool__body">
      <StorageNotice toolId={tool.id} status={store?.status} labels={labels} />
      <label className="tool__prompt" htmlFor={`${id}-text`}>
        {tool.prompt}
      </label>
      {hint && (
        <p className="tool__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={`${id}-text`}
        className="tool__text"
        rows={5}
        value={value.text}
        readOnly={!ready}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => save({ text: event.target.value })}
      />
      <SaveStatus state={state} status={store?.status} labels={labels} otherVersion={conflict?.text} onResolve={resolve} />
    </div>
  );
}

export default withLock(ReflectionTool);
