/**
 * Recordings kept for offline: a Cache Storage cache that the page fills (when a story is played,
 * or *Save for offline* is pressed) and the service worker answers from. A guest's go to a cache of
 * their own, so ending the guest session deletes theirs and never the owner's.
 */
import { isGuestSession } from '../device/guest-flag';
import { guestMediaCacheName, mediaCacheName } from '../device/keys';

const cache = () => caches.open(isGuestSession() ? guestMediaCacheName : mediaCacheName);

/** Keeps each file unless it is kept already. Throws when one cannot be fetched or stored (space). */
export async function keepForOffline(files: string[]): Promise<void> {
  const kept = await cache();
  for (const file of files) if (!(await kept.match(file))) await kept.add(file);
}

export async function keptForOffline(file: string): Promise<boolean> {
  return !!(await (await cache()).match(file));
}
