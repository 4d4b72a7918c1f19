/** The value below which `p` percent of `samples` fall (nearest rank); NaN for no samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** The median of `samples`. */
export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Rounds to `digits` decimals, for printing. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** (ms) the median of `runs` timings of `read`, run one after another. */
export async function medianMs(runs: number, read: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const at = performance.now();
    await read();
    times.push(performance.now() - at);
  }
  return median(times);
}
