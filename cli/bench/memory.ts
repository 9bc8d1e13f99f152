/**
 * Peak memory of a build: the bench reports it next to build time, because a site that builds fast
 * but needs more memory than a small CI runner has is not fast for a service that forks Waymark.
 *
 * Polls the peak resident memory (VmHWM in /proc) of a process and all its descendants. Each
 * process's own high-water mark is kept and the marks are summed: a slight over-estimate if children
 * peak at different times, but an Astro build is essentially one Node process. Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryWatch {
  stop: () => void;
  /** The sum of each process's peak, in bytes. */
  peakBytes: () => number;
}

export function watchMemory(pid: number): MemoryWatch {
  const peaks = new Map<number, number>();
  const poll = () => {
    for (const p of processTree(pid)) {
      const hwm = vmHwm(p);
      if (hwm > (peaks.get(p) ?? 0)) peaks.set(p, hwm);
    }
  };
  const timer = setInterval(poll, 100);
  poll();
  return {
    stop: () => clearInterval(timer),
    peakBytes: () => [...peaks.values()].reduce((sum, bytes) => sum + bytes, 0),
  };
}

/** `pid` and every process below it, read from /proc at this moment. */
function processTree(pid: number): number[] {
  const tree: number[] = [];
  const queue = [pid];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    tree.push(current);
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8');
        queue.push(...children.split(' ').filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return tree;
}

function vmHwm(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
