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

/** A generator of numbers in [0, 1) from `seed` (mulberry32), so that a bench run's interval can be repeated. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of `samples` drawn again, as many, with replacement. */
function resampledMedian(samples: number[], random: () => number): number {
  return median(samples.map(() => samples[Math.floor(random() * samples.length)] as number));
}

/** The median of `samples` with a 90 % interval for it (percentile bootstrap, 2,000 resamples, fixed seed). */
export function medianInterval(samples: number[]): { median: number; low: number; high: number } {
  const middle = median(samples);
  if (samples.length < 2) return { median: middle, low: middle, high: middle };
  const random = seeded(samples.length);
  const medians: number[] = [];
  for (let i = 0; i < 2_000; i += 1) medians.push(resampledMedian(samples, random));
  return { median: middle, low: percentile(medians, 5), high: percentile(medians, 95) };
}

/** Each `values[i] / baselines[i]`: ratios of measurements taken in the same round. */
export function pairedRatios(values: number[], baselines: number[]): number[] {
  return values.flatMap((value, i) => {
    const baseline = baselines[i];
    return baseline && Number.isFinite(value) ? [value / baseline] : [];
  });
}

/** Each `values[i] - baselines[i]`: differences of measurements taken in the same round, skipping missing ones. */
export function pairedDifferences(values: number[], baselines: number[]): number[] {
  return values.flatMap((value, i) => {
    const baseline = baselines[i];
    return baseline !== undefined && Number.isFinite(value) && Number.isFinite(baseline)
      ? [value - baseline]
      : [];
  });
}

/** `median(values) - median(baselines)` with a 90 % interval (each resampled on its own, fixed seed). */
export function medianDifferenceInterval(
  values: number[],
  baselines: number[],
): { difference: number; low: number; high: number } {
  const difference = median(values) - median(baselines);
  if (values.length < 2 || baselines.length < 2) return { difference, low: difference, high: difference };
  const random = seeded(values.length + baselines.length);
  const differences: number[] = [];
  for (let i = 0; i < 2_000; i += 1) {
    differences.push(resampledMedian(values, random) - resampledMedian(baselines, random));
  }
  return { difference, low: percentile(differences, 5), high: percentile(differences, 95) };
}
