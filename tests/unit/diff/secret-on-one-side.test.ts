import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { isRestorable } from '../../../lib/popup/restorable-fields';
import { secretText } from '../../../lib/popup/format-value';
import { field, snapshot } from '../support/snapshot-fixture';

/** Brain as a backup holds it: the API key left out, only its hash kept. */
const withKey: Snapshot = {
  ...snapshot('brain', { model: 'small' }),
  fields: [
    field('model', 'small'),
    { ...field('apiKey', null, 'API key'), secret: { hash: 'h1', reason: 'password' } },
  ],
};
/** Brain as a dashboard's read shows it when it never had a key (or never returns one). */
const withoutKey: Snapshot = { ...snapshot('brain', { model: 'small' }), fields: [field('model', 'small')] };

describe('a left-out secret that only one side has', () => {
  it('says the backup has it and the other side does not, not that it changed', () => {
    const key = diffSnapshots(withoutKey, withKey).find((change) => change.key === 'apiKey')!;
    expect(key.kind).toBe('added');
    expect(secretText(key)).toBe('left out (only in this backup)');
    expect(isRestorable(key)).toBe(false);
  });

  it('says the backup does not have it, instead of "(empty) → (not present)"', () => {
    const key = diffSnapshots(withKey, withoutKey).find((change) => change.key === 'apiKey')!;
    expect(key.kind).toBe('removed');
    expect(secretText(key)).toBe('left out (not in this backup)');
  });

  it('across devices too: there is nothing to compare, but the field is still only on one side', () => {
    const key = diffSnapshots(withoutKey, withKey, { secretsComparable: false }).find(
      (change) => change.key === 'apiKey',
    )!;
    expect(secretText(key)).toBe('left out (only in this backup)');
  });

  it('with nothing to compare (a first backup, a page that cannot be read) says only that it is left out', () => {
    const key = diffSnapshots(null, withKey).find((change) => change.key === 'apiKey')!;
    expect(secretText(key)).toBe('left out');
  });
});
