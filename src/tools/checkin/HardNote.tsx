/**
 * A calm note under a check-in answered at the hard end of its scale: help and the person's own
 * plan, one tap away. A polite live region (never an alert, never a detour); it stores nothing.
 */
import type { Labels } from '../labels';

interface Props {
  /** Whether today's answers include a hard one. */
  hard: boolean;
  labels: Labels;
  /** The page's language's *Get help now* page, under the site's base path. */
  helpHref: string;
  /** My plan, where the person's own "what helps me" list is. */
  planHref: string;
}

export function HardNote({ hard, labels, helpHref, planHref }: Props) {
  // The region is always there, so screen readers announce the note when it appears.
  return (
    <div className="checkin__note" aria-live="polite">
      {hard && (
        <>
          <p>{labels['checkin.hardNote']}</p>
          <ul className="checkin__links">
            <li>
              <a href={helpHref}>{labels['checkin.hardHelp']}</a>
            </li>
            <li>
              <a href={planHref}>{labels['checkin.hardPlan']}</a>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
