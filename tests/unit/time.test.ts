import { describe, expect, it } from 'vitest';
import { relativeTime, sinceTime } from '../../lib/time';

// Local times: the formats are the user's clock.
const at = (text: string) => new Date(text).getTime();

describe('sinceTime (the drift notice: "3 fields changed since …")', () => {
  it('gives the clock time alone on the same day', () => {
    expect(sinceTime(at('2026-12-06T10:42:00'), at('2026-12-06T17:05:00'))).toBe('10:42');
  });

  it('names the day when it was another day, and the year when another year', () => {
    expect(sinceTime(at('2026-12-03T10:42:00'), at('2026-12-06T09:00:00'))).toBe('3 Dec, 10:42');
    expect(sinceTime(at('2025-12-31T23:59:00'), at('2026-01-01T00:01:00'))).toBe('31 Dec 2025, 23:59');
  });
});

describe('relativeTime', () => {
  it('counts whole minutes, hours and days back', () => {
    const now = at('2026-12-06T12:00:00');
    expect(relativeTime(now - 30_000, now)).toBe('less than a minute ago');
    expect(relativeTime(now - 150_000, now)).toBe('2 minutes ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 hours ago');
  });

  it('reads a time a little ahead (a device whose clock runs fast) as just now, and one far ahead as such', () => {
    const now = at('2026-12-06T12:00:00');
    // The backup was stamped by a device whose clock is 2 minutes fast: it was made a moment ago, not "in 2 minutes".
    expect(relativeTime(now + 2 * 60_000, now)).toBe('less than a minute ago');
    expect(relativeTime(now + 3 * 3_600_000, now)).toBe('ahead of this clock');
  });

  it('is relative to the `now` it is given, not to the wall clock', () => {
    const now = at('2020-01-01T12:00:00');
    expect(relativeTime(now + 3 * 3_600_000, now)).toBe('ahead of this clock');
  });
});
