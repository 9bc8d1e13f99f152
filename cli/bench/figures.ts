/**
 * How the bench rounds its figures. Kept in one place so that every run writes numbers with the
 * same precision, and runs stay comparable.
 */

/** `n` to `digits` decimals; undefined stays undefined (a metric Lighthouse did not report). */
export function round(n: number, digits: number): number;
export function round(n: number | undefined, digits: number): number | undefined;
export function round(n: number | undefined, digits: number): number | undefined {
  return n === undefined ? undefined : Number(n.toFixed(digits));
}

/** Seconds since `startedMs` (a `performance.now()` reading), to one decimal. */
export const seconds = (startedMs: number): number => round((performance.now() - startedMs) / 1000, 1);
