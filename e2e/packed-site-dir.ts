/**
 * Where `npm run build:sites` makes the installed site: outside this repository, so that the engine
 * finds only what the site itself installed (never this checkout's node_modules), and one folder per
 * checkout, so two checkouts on one machine do not meet.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const checkout = fileURLToPath(new URL('../', import.meta.url));
export const packedSite = join(tmpdir(), `waymark-sites-${createHash('sha256').update(checkout).digest('hex').slice(0, 10)}`, 'fork');
