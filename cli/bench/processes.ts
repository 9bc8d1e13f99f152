/**
 * The commands the bench starts (`astro build`, `astro preview`, `lighthouse`), each in its own
 * process group so that it and anything it starts (Chromium, workers) can be stopped together, also
 * on Ctrl-C. Every command runs with this Node, never with an older one on PATH.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './bench-error.ts';
import { watchMemory } from './memory.ts';

/** The project folder: commands run here. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A command installed in the project's node_modules/.bin. */
export const binPath = (name: string): string => join(root, 'node_modules', '.bin', name);

export interface Exit {
  code: number | null;
  signal?: NodeJS.Signals | null;
  error?: Error;
}

export interface Started {
  child: ChildProcess;
  /** The last 400 lines of its stdout and stderr, to show if it fails. */
  output: string[];
  exited: Promise<Exit>;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Also measure the peak memory of the command and its children. */
  trackMemory?: boolean;
}

// Children still running: stopped on Ctrl-C too, not only when they are done.
const running = new Set<Started>();

/** Starts a JS file with this Node, in its own process group. */
export function start(script: string, args: string[], { env = {} }: RunOptions = {}): Started {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n'));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const started: Started = {
    child,
    output,
    exited: new Promise((resolveExit) => {
      child.on('error', (error) => resolveExit({ code: null, error }));
      child.on('close', (code, signal) => {
        running.delete(started);
        resolveExit({ code, signal });
      });
    }),
  };
  running.add(started);
  return started;
}

/** Runs a command to the end; throws with the tail of its output if it fails. */
export async function run(
  what: string,
  script: string,
  args: string[],
  options: RunOptions = {},
): Promise<{ output: string[]; peakBytes: number | undefined }> {
  const started = start(script, args, options);
  const pid = started.child.pid;
  const watcher = options.trackMemory && pid !== undefined ? watchMemory(pid) : undefined;
  const { code, signal, error } = await started.exited;
  watcher?.stop();
  killGroup(started, 'SIGKILL'); // anything it left behind (e.g. a Chromium after a crash)
  if (code !== 0) {
    const tail = started.output.filter(Boolean).slice(-40).join('\n');
    const why = error ? error.message : signal ? `was killed by ${signal}` : `exited with code ${code}`;
    throw new BenchError(`${what} ${why}\n--- last output ---\n${tail}`);
  }
  return { output: started.output, peakBytes: watcher?.peakBytes() };
}

export function killGroup({ child }: Started, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return; // it never started
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Ctrl-C: stops every command still running, at once. */
export function killAll(): void {
  for (const started of running) killGroup(started, 'SIGKILL');
}
