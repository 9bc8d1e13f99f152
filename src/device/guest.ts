/**
 * A guest session: someone using a shared device leaves nothing of theirs behind, and never sees
 * or clears the owner's words. Its records, progress and display choices live in each tab's
 * sessionStorage (see backends.ts and progress.ts); this module is its lifecycle (the cheap checks
 * every page makes are in guest-flag.ts, and re-exported here):
 * - start: `startGuestSession` marks the tab, and its next page gives the session a random id, or
 *   the id of the session already open in another tab;
 * - join: a tab opened from a guest tab (Ctrl+click) has no flag, as Chromium does not copy
 *   sessionStorage to it; `prefs.js` (src/client/prefs.ts), before the first paint, copies the id
 *   from a fresh heartbeat (`guestOpenKey`), so the tab is a guest from its first paint;
 * - heartbeat: each open guest tab rewrites `{ id, at }` every few seconds, and removes it as it
 *   closes (the other guest tabs write it again at once);
 * - end: every guest key of the tab, the heartbeat and the guest's media cache go, and the other
 *   guest tabs are told to end too. The owner's localStorage, IndexedDB and media are never touched.
 */
import { guestSessionId, newGuestSession } from './guest-flag';
import { guestChannelName, guestEndedKey, guestKey, guestMediaCacheName, guestOpenKey, guestRecordPrefix, progressKey, togetherKey } from './keys';

export { guestSessionId, guestSessionJustEnded, isGuestSession, startGuestSession } from './guest-flag';

/** A heartbeat older than this belongs to a tab that has gone: a new tab does not join it. */
export const guestOpenFreshFor = 15_000;
/** How often an open guest tab says so: well inside `guestOpenFreshFor`, even with busy timers. */
const beatEvery = 4_000;

interface GuestOpen {
  id: string;
  at: number;
}
interface GuestMessage {
  type: 'ended' | 'forgotten' | 'left';
  /** The session's id. */
  id: string;
  /** The tab that sent it: this module runs twice in a tab with a tool (page and guest script), and a tab does not answer itself. */
  from: string;
}

/** The guest session open in another tab of this browser, if its heartbeat is fresh. */
function openGuestSession(): GuestOpen | null {
  try {
    const open = JSON.parse(localStorage.getItem(guestOpenKey) ?? 'null') as Partial<GuestOpen> | null;
    const fresh = typeof open?.at === 'number' && Math.abs(Date.now() - open.at) < guestOpenFreshFor;
    return fresh && typeof open.id === 'string' && open.id ? { id: open.id, at: open.at! } : null;
  } catch {
    return null;
  }
}

function beat(id: string): void {
  try {
    localStorage.setItem(guestOpenKey, JSON.stringify({ id, at: Date.now() } satisfies GuestOpen));
  } catch {
    // No localStorage: tabs opened from this one cannot join, and start as the owner's.
  }
}

/** Removes the heartbeat if it is this session's (another session's is not ours to end). */
function stopBeating(id: string | null): void {
  try {
    const open = JSON.parse(localStorage.getItem(guestOpenKey) ?? 'null') as Partial<GuestOpen> | null;
    if (open && (!id || open.id === id || typeof open.id !== 'string')) localStorage.removeItem(guestOpenKey);
  } catch {
    try {
      localStorage.removeItem(guestOpenKey); // unreadable: it helps no one
    } catch {
      // No localStorage: there is no heartbeat.
    }
  }
}

let channel: BroadcastChannel | undefined;
function guestChannel(): BroadcastChannel | undefined {
  try {
    channel ??= new BroadcastChannel(guestChannelName);
  } catch {
    // No BroadcastChannel: each guest tab ends on its own, and with the tab.
  }
  return channel;
}
const thisTab = () => ((globalThis as { waymarkGuestTab?: string }).waymarkGuestTab ??= randomId());
const tell = (type: GuestMessage['type'], id: string) => guestChannel()?.postMessage({ type, id, from: thisTab() } satisfies GuestMessage);

/** 32 random hex digits (crypto.randomUUID needs HTTPS; a tablet may use the site over plain HTTP). */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

let ended = false;

/** Every guest key of this tab goes (Together mode stays: it is the worker's choice of screen, not the guest's words). */
function endInThisTab(id: string | null): void {
  ended = true;
  try {
    for (const key of Object.keys(sessionStorage)) if (key !== togetherKey) sessionStorage.removeItem(key);
    sessionStorage.setItem(guestEndedKey, 'yes');
  } catch {
    // No sessionStorage: nothing was kept in it.
  }
  stopBeating(id);
}

/**
 * Keeps this guest tab's session visible to tabs opened from it, and follows the other guest tabs:
 * when the session ends in one, `onEnded` runs here (after this tab's guest keys are gone); when
 * it is forgotten in one, this tab forgets its own words and reloads.
 */
export async function followGuestSession(onEnded: () => void): Promise<void> {
  let id = guestSessionId();
  if (!id) return;
  if (id === newGuestSession) {
    // Just started: join the session open in another tab, or begin a new one without the
    // recordings of a guest before whose tab was closed without ending.
    const open = openGuestSession();
    if (!open) await forgetGuestMedia();
    id = open?.id ?? randomId();
    try {
      sessionStorage.setItem(guestKey, id);
    } catch {
      return; // sessionStorage went away: nothing of this session can be kept
    }
  }
  const session = id;
  beat(session);
  // Only refreshed while it exists: a tab whose timer fires as the session ends must not bring it back.
  const refresh = () => {
    if (!ended && openGuestSession()) beat(session);
  };
  const timer = setInterval(refresh, beatEvery);
  // Timers slow down in a background tab; a tap or key press just before Ctrl+click refreshes it too.
  for (const event of ['pointerdown', 'keydown']) addEventListener(event, refresh, true);
  addEventListener('pagehide', () => {
    if (ended) return;
    // This tab may be the last guest tab: a tab opened from now on must not join a session no one
    // can see. If another guest tab is open, it writes the heartbeat again as it hears this.
    stopBeating(session);
    tell('left', session);
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted && !ended) beat(session); // back from the back-forward cache
  });
  guestChannel()?.addEventListener('message', ({ data }: MessageEvent<GuestMessage>) => {
    if (data?.id !== session || data.from === thisTab() || ended) return;
    if (data.type === 'left') beat(session);
    if (data.type === 'forgotten') {
      forgetWordsInThisTab();
      location.reload();
    }
    if (data.type === 'ended') {
      clearInterval(timer);
      endInThisTab(session);
      onEnded();
    }
  });
}

/**
 * Ends the guest session in every guest tab: their records, progress and display choices, the
 * heartbeat and the recordings a guest saved go. The owner's words and recordings stay as they are.
 * The caller then leaves the page (home says the session has ended).
 */
export async function endGuestSession(): Promise<void> {
  const id = guestSessionId();
  endInThisTab(id);
  if (id) tell('ended', id);
  await forgetGuestMedia();
}

function forgetWordsInThisTab(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(guestRecordPrefix) || key === progressKey) sessionStorage.removeItem(key);
  } catch {
    // No sessionStorage: nothing was kept in it.
  }
}

/**
 * *Forget everything* in a guest session: the guest's records, progress and saved recordings go,
 * in every guest tab (the others reload empty), and the session goes on. Nothing of the owner's is touched.
 */
export async function forgetGuest(): Promise<void> {
  forgetWordsInThisTab();
  const id = guestSessionId();
  if (id) tell('forgotten', id);
  await forgetGuestMedia();
}

/** The recordings a guest saved for offline (the owner's are in another cache). */
async function forgetGuestMedia(): Promise<void> {
  try {
    await caches.delete(guestMediaCacheName);
  } catch {
    // No Cache API here, so nothing was kept in it.
  }
}
