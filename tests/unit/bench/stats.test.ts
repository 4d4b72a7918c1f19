import { describe, expect, it } from 'vitest';
import {
  medianDifferenceInterval,
  medianInterval,
  pairedDifferences,
  pairedRatios,
} from '../../../bench/stats';

describe("the bench's intervals", () => {
  it('pairs each load with the bare load of the same round, skipping missing ones', () => {
    expect(pairedRatios([110, 120, 90], [100, 100, 0])).toEqual([1.1, 1.2]);
  });

  it('pairs each open with the plain page opened in the same round, skipping unmeasured ones', () => {
    expect(pairedDifferences([210, Number.NaN, 190, 200], [180, 170, Number.NaN])).toEqual([30]);
  });

  it('puts the median inside its interval, and the interval narrows with more samples', () => {
    const noisy = (n: number) => Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 21) / 100 - 0.1);
    const few = medianInterval(noisy(10));
    const many = medianInterval(noisy(200));
    for (const found of [few, many]) {
      expect(found.low).toBeLessThanOrEqual(found.median);
      expect(found.high).toBeGreaterThanOrEqual(found.median);
    }
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });

  it('gives the same interval for the same samples (a run can be repeated)', () => {
    const samples = [5, 7, 6, 9, 4, 6, 8];
    expect(medianInterval(samples)).toEqual(medianInterval(samples));
  });

  it('finds a real difference of medians and an interval that excludes zero', () => {
    const base = Array.from({ length: 100 }, (_, i) => 4 + (i % 10) / 10);
    const slower = base.map((ms) => ms + 2);
    const found = medianDifferenceInterval(slower, base);
    expect(found.difference).toBeCloseTo(2, 5);
    expect(found.low).toBeGreaterThan(0);
    expect(found.high).toBeGreaterThanOrEqual(found.difference);
  });
});
