import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime, sinceTime } from '../../lib/time';

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

describe('absoluteTime (tooltips)', () => {
  it('gives the day, the month by name, the year and the time to the second, in the local zone', () => {
    expect(absoluteTime(at('2026-11-25T14:02:11'))).toBe('25 Nov 2026, 14:02:11');
    expect(absoluteTime(at('2027-01-05T08:03:09'))).toBe('5 Jan 2027, 08:03:09');
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (const [month, name] of names.entries()) {
      const text = `2026-${String(month + 1).padStart(2, '0')}-01T00:00:00`;
      expect(absoluteTime(at(text))).toBe(`1 ${name} 2026, 00:00:00`);
    }
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
