/**
 * Recordings kept for offline: one Cache Storage cache that the page fills (when a story is
 * played, or *Save for offline* is pressed) and the service worker answers from.
 */
import { mediaCacheName } from '../device/keys';

/** Keeps each file unless it is kept already. Throws when one cannot be fetched or stored (space). */
export async function keepForOffline(files: string[]): Promise<void> {
  const cache = await caches.open(mediaCacheName);
  for (const file of files) if (!(await cache.match(file))) await cache.add(file);
}

export async function keptForOffline(file: string): Promise<boolean> {
  return !!(await (await caches.open(mediaCacheName)).match(file));
}
