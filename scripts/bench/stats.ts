/** Pure helpers of the benchmark: percentiles and the open loop's schedule (unit-tested in stats.test.ts). */

/** The nearest-rank percentile of ascending `sorted` (p in 0–100); NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** p50, p95 and max of unsorted samples, in the samples' unit, to 0.1. */
export function latencySummary(samples: readonly number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s.at(-1) ?? NaN) };
}

/**
 * Open loop: the moment (ms after the start) request i leaves, evenly spaced at `rate` per second,
 * and how many leave in `seconds` (at most `amount`). Request 0 leaves at 0.
 */
export function pacedSchedule(rate: number, seconds: number, amount = Infinity): { count: number; at: (i: number) => number } {
  if (!(rate > 0) || !(seconds > 0)) return { count: 0, at: () => 0 };
  const count = Math.max(0, Math.min(Math.floor(amount), Math.round(rate * seconds)));
  return { count, at: (i: number) => (i * 1000) / rate };
}

/** `value` ≤ `factor` × `reference` (both medians or p95s in ms); false when either is not a number. */
export function withinFactor(value: number, reference: number, factor: number): boolean {
  return Number.isFinite(value) && Number.isFinite(reference) && reference > 0 && value <= factor * reference;
}

/** CPU time counters of one core, as `os.cpus()[i].times` gives them (ms since boot). */
export type CpuTimes = { user: number; nice: number; sys: number; idle: number; irq: number };

/** The share (0–1) of all cores' time spent idle between two `os.cpus()` readings; NaN when no time passed. */
export function idleShare(before: readonly CpuTimes[], after: readonly CpuTimes[]): number {
  let idle = 0;
  let total = 0;
  after.forEach((a, i) => {
    const b = before[i];
    if (!b) return;
    idle += a.idle - b.idle;
    total += a.user - b.user + (a.nice - b.nice) + (a.sys - b.sys) + (a.idle - b.idle) + (a.irq - b.irq);
  });
  return total > 0 ? idle / total : NaN;
}
