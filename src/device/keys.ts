/**
 * Every name Waymark keeps anything under in the browser, in one file, so that what a device can
 * hold is read in one place and *Forget everything* can be checked against it. "Kept" outlives the
 * browser closing; "per tab" is sessionStorage, gone when the tab (or a guest session) ends.
 * Only constants: the build (src/integration/offline.ts) imports this file too.
 * The pre-paint script (src/client/prefs.ts) is written from these names at build time.
 */

// localStorage and sessionStorage

/** Text size, colours, contrast and movement (JSON); kept in localStorage, per tab in a guest session. */
export const displayKey = 'waymark.display';
/** `on` while Together mode is switched on; per tab (sessionStorage). */
export const togetherKey = 'waymark.together';
/** What the person chose to look at today in Together mode (`module:<slug> story:<slug>`, or `on` if they skipped); per tab (sessionStorage). */
export const todayKey = 'waymark.today';
/** The guest session's random id (`new` until its first page gives it one; `on` from older versions); per tab (sessionStorage), so the session ends with the tab. */
export const guestKey = 'waymark.guest';
/**
 * `{ id, at }` while a guest tab is open: the session's id and when a guest tab last said so (ms).
 * No words. A tab opened from a guest tab (Ctrl+click) joins the session while it is fresh; kept
 * in localStorage only while a guest tab is open, and removed when the session ends.
 */
export const guestOpenKey = 'waymark.guest-open';
/** Set when a guest session has just ended in this tab, so home says so once; per tab (sessionStorage). */
export const guestEndedKey = 'waymark.guest-ended';
/**
 * Set on a tab's first Waymark page; per tab (sessionStorage). Only a brand-new tab (no mark) may
 * join a guest session open in another tab: an owner's tab that reloads or moves on never does.
 */
export const tabSeenKey = 'waymark.tab';
/** The numbered QR codes of one hand-over scanned so far (their links' fragments, JSON), until all are in; per tab (sessionStorage). */
export const carryPartsKey = 'waymark.carry-parts';
/** Before each key of a guest session's records (their JSON); per tab (sessionStorage). */
export const guestRecordPrefix = 'waymark.guest.';
/** Steps opened and tools answered (JSON); kept in localStorage, per tab in a guest session. */
export const progressKey = 'waymark.progress';
/**
 * While a locked device is unlocked: the lock's key, encrypted with a key kept in the
 * `unlockDatabaseName` database that can never be read out; per tab (sessionStorage). Neither half
 * opens anything alone; locking deletes the other half (unlock-session.ts).
 */
export const unlockedSessionKey = 'waymark.unlocked';
/** Words not yet written when a page was left (JSON, encrypted with a lock); kept in localStorage until saved. */
export const journalKey = 'waymark.unsaved';

// IndexedDB, through localforage

/** The records' IndexedDB database (localforage `name`); kept. */
export const databaseName = 'waymark';
/** Its object store (localforage `storeName`); kept. The localStorage fallback keys are `waymark/records/<key>`. */
export const storeName = 'records';

/**
 * The other half of an unlocked browsing session: a wrapping key that cannot be read out, and the
 * time of the last activity; only while a locked device is unlocked, deleted when it locks.
 */
export const unlockDatabaseName = 'waymark-unlock';

// Keys inside the records store (whichever backend holds it)

/** Written and removed at once, to prove a backend really works; never left behind. */
export const probeKey = '__waymark_probe__';
/** The schema version and the passphrase lock's salt and verifier; kept. */
export const metaKey = 'meta';
/** Before each tool id: one saved record (sealed with a lock); kept. */
export const recordPrefix = 'record:';
/** Before records that failed to load, moved aside with their time (`aside:<ms>:record:<id>`); kept. */
export const asidePrefix = 'aside:';
/** The key of one tool's record: `record:<tool id>`. */
export const recordKey = (id: string) => `${recordPrefix}${id}`;

// Cache Storage (the service worker's own precache is named by Workbox, not here)

/** Recordings kept for offline listening, filled by the page and answered by the service worker; kept. */
export const mediaCacheName = 'waymark-media';
/** Recordings a guest saved for offline: apart from the owner's, and deleted when the guest session ends. */
export const guestMediaCacheName = 'waymark-media-guest';

// BroadcastChannel

/** Tells the site's other tabs that a record, the lock or everything changed; holds nothing. */
export const tabChannelName = 'waymark';
/** Tells a guest session's other tabs that it ended, was forgotten, or that a guest tab closed; holds no words. */
export const guestChannelName = 'waymark-guest';
/** Between Bring back tabs: the numbered QR codes each holds, as a phone opens each code in a new tab; never kept. */
export const carryPartsChannelName = 'waymark-carry-parts';
