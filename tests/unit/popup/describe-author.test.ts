import { describe, expect, it } from 'vitest';
import { adminRefusal, describeAuthor } from '../../../lib/popup/describe-author';

describe('describeAuthor (issue 14: who made each backup and each restore)', () => {
  it.each([
    [{ device: 'Chromium on Linux', source: 'auto' as const }, ['Chromium on Linux']],
    [
      { device: 'Chromium on Linux', keyLabel: 'Ops admin', source: 'auto' as const },
      ['Chromium on Linux', 'key Ops admin'],
    ],
    [
      { device: 'CEO laptop', keyLabel: 'Intern key', source: 'manual' as const },
      ['CEO laptop', 'key Intern key'],
    ],
    [
      { device: 'Chromium on macOS', keyLabel: 'Ops admin', source: 'restore' as const },
      ['restored by Chromium on macOS', 'key Ops admin'],
    ],
  ])('%j → %j', (record, parts) => {
    expect(describeAuthor(record)).toEqual(parts);
  });
});

describe('adminRefusal', () => {
  it('makes admin actions read-only for a capture key, naming it', () => {
    expect(adminRefusal({ role: 'capture', keyLabel: 'Laptop' })).toBe(
      'Restoring, pinning and deleting need an admin key; key "Laptop" is a capture key',
    );
  });
  it('leaves them alone for an admin key or an unknown role (no Convex, not pulled yet)', () => {
    expect(adminRefusal({ role: 'admin' })).toBeNull();
    expect(adminRefusal(undefined)).toBeNull();
  });
});
