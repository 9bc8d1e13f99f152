/**
 * Serves a build with `astro preview` on a fixed local port for as long as Lighthouse needs it,
 * and always stops it. The port is checked first: otherwise Lighthouse would test whatever else is
 * listening there.
 */
import { BenchError } from './bench-error.ts';
import { binPath, killGroup, start, type Started } from './processes.ts';

const previewPort = 4399;
const origin = `http://127.0.0.1:${previewPort}`;

/** Throws when something already answers on the preview port. */
export async function ensurePortFree(): Promise<void> {
  if (await answers(origin)) throw new BenchError(`something is already listening on ${origin}; stop it and run again`);
}

/** Serves `outDir` for the length of `fn`, which gets the server's origin. */
export async function withPreview<T>(outDir: string, fn: (origin: string) => Promise<T>): Promise<T> {
  await ensurePortFree(); // again: the port may have been taken during the builds
  const server = start(binPath('astro'), ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(previewPort)], {
    env: { WAYMARK_OUT: outDir, WAYMARK_BASE: '/' },
  });
  try {
    await waitForServer(server);
    return await fn(origin);
  } finally {
    killGroup(server, 'SIGTERM');
    const stopped = await Promise.race([server.exited, sleep(5000).then(() => false)]);
    if (!stopped) killGroup(server, 'SIGKILL');
  }
}

async function waitForServer(server: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new BenchError(`astro preview stopped before answering:\n${server.output.filter(Boolean).slice(-20).join('\n')}`);
    if (await answers(origin)) return;
    await sleep(250);
  }
  throw new BenchError(`astro preview did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms));
