import { describe, expect, it } from 'vitest';
import { dashboardReason } from '../../../lib/restore/dashboard-reason';

describe("a dashboard's reason for refusing a save", () => {
  it('is read from a JSON error answer or a short text answer', () => {
    expect(dashboardReason({ error: 'Unknown field(s): apiKeySet' })).toBe('Unknown field(s): apiKeySet');
    expect(dashboardReason({ message: 'Name\\ntoo long' })).toBe('Name\\ntoo long');
    expect(dashboardReason('Grid size must be\n a number')).toBe('Grid size must be a number');
  });

  it("is an error page's words without its markup, and none for an empty or unreadable answer", () => {
    expect(dashboardReason('<!doctype html><title>Not found</title><p>No page at /x</p>')).toBe(
      'Not found: No page at /x',
    );
    expect(dashboardReason({ error: { code: 7 } })).toBeNull();
    expect(dashboardReason('  ')).toBeNull();
    expect(dashboardReason(undefined)).toBeNull();
  });

  it('loses direction controls and is cut short', () => {
    expect(dashboardReason('\u202Egnp.exe')).toBe('gnp.exe');
    const reason = dashboardReason('x'.repeat(500));
    expect(reason).toHaveLength(160);
    expect(reason?.endsWith('…')).toBe(true);
  });
});
