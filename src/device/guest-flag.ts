/**
 * Whether this tab is a guest's, read cheaply on every page (progress marks, stories, home), and
 * the two steps that run outside a guest tab: starting a session and, once after it ends, saying so.
 * The rest of a guest session's life (joining, heartbeat, ending, forgetting) is in guest.ts, which
 * only a guest's tab loads.
 */
import { guestEndedKey, guestKey } from './keys';

/** The flag of a session just started, before its tab gives it an id (see `followGuestSession`). */
export const newGuestSession = 'new';

/** The session's id in this tab (`on` from older versions), or null when this tab is not a guest's. */
export function guestSessionId(): string | null {
  try {
    return sessionStorage.getItem(guestKey) || null;
  } catch {
    return null;
  }
}

/** True in a guest session: started on a shared device, it keeps nothing once it ends. */
export function isGuestSession(): boolean {
  return guestSessionId() !== null;
}

/**
 * Makes this tab a guest's from its next page on; the guest tab's own script then joins the
 * session open in another tab or gives it a new id. False when this browser keeps no
 * sessionStorage, so a guest session cannot start here.
 */
export function startGuestSession(): boolean {
  try {
    sessionStorage.setItem(guestKey, newGuestSession);
    return true;
  } catch {
    return false;
  }
}

/** True once, on the first page after a guest session ended in this tab. */
export function guestSessionJustEnded(): boolean {
  try {
    const just = sessionStorage.getItem(guestEndedKey) !== null;
    sessionStorage.removeItem(guestEndedKey);
    return just;
  } catch {
    return false;
  }
}
