/**
 * What happened to a tool's words, said quietly (aria-live polite): saving, saved, or not saved
 * and why. A conflict between two tabs asks the person which version to keep.
 */
import type { Keeping, RecordState, StoreStatus } from '../device';
import type { ToolLabelKey } from './label-keys';
import type { Labels } from './labels';

/** "Saved", said as long as it will really last. */
const savedFor: Record<Keeping, ToolLabelKey> = { device: 'tool.saved', guest: 'tool.savedGuest', page: 'tool.savedForNow' };

interface Props {
  state: RecordState | undefined;
  status: StoreStatus | undefined;
  labels: Labels;
  /** Another tab's version, shown as text when there is a conflict. */
  otherVersion?: string | undefined;
  onResolve: (keep: 'mine' | 'theirs') => void;
}

export function SaveStatus({ state, status, labels, otherVersion, onResolve }: Props) {
  const message = (() => {
    if (!state || !status) return '';
    if (state.status === 'saving') return labels['tool.saving'];
    if (state.status === 'not-saved') return labels[state.reason === 'quota' ? 'tool.notSavedQuota' : 'tool.notSavedFailed'];
    if (state.status === 'saved') {
      return labels[savedFor[status.kept]];
    }
    return '';
  })();
  return (
    <>
      <p className={`tool__status${state?.status === 'not-saved' ? ' tool__status--problem' : ''}`} role="status" aria-live="polite">
        {message}
      </p>
      {state?.status === 'conflict' && (
        <div className="tool__conflict" role="alert">
          <p>{labels['tool.conflict']}</p>
          {otherVersion !== undefined && (
            <>
              <p>{labels['tool.conflictOther']}</p>
              <blockquote className="tool__other-version">{otherVersion}</blockquote>
            </>
          )}
          <div className="tool__actions">
            <button type="button" className="button" onClick={() => onResolve('mine')}>
              {labels['tool.keepMine']}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onResolve('theirs')}>
              {labels['tool.useOther']}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** Said once per page, above the first tool, when the browser will not keep anything. */
let noticeOwner: string | undefined;

export function StorageNotice({ toolId, status, labels }: { toolId: string; status: StoreStatus | undefined; labels: Labels }) {
  // A guest session says so in the header; this notice is for a browser that keeps nothing.
  if (status?.kept !== 'page') return null;
  noticeOwner ??= toolId;
  if (noticeOwner !== toolId) return null;
  return (
    <p className="tool__notice" role="note">
      {labels['tool.notKept']}
    </p>
  );
}
