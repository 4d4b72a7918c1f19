import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { countDrift } from '../../../lib/diff/count-drift';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { secretText } from '../../../lib/popup/format-value';
import { field, snapshot } from '../support/snapshot-fixture';

/** Mail settings saved before SENDGRID_KEY was left out by its name: the value is in the backup as it is. */
const before: Snapshot = snapshot('mail', { SENDGRID_KEY: 'SG.mail.relay', from: 'ops@acme.example' });
/** The same settings read now: the same value, left out, with only its hash kept. */
const now: Snapshot = {
  ...before,
  fields: [
    { ...field('SENDGRID_KEY', null), secret: { hash: 'salted', reason: 'key:api-key' } },
    field('from', 'ops@acme.example'),
  ],
};

describe('a field kept in one snapshot and left out in the other (a rule came or went in between)', () => {
  it('does not make the unchanged page read as changed against the older backup (drift)', () => {
    expect(countDrift(before, now)).toBe(0);
  });

  it('says nothing about whether the value changed in the history diff', () => {
    const key = diffSnapshots(before, now).find((change) => change.key === 'SENDGRID_KEY')!;
    expect(secretText(key)).not.toBe('left out (changed)');
    expect(key.kind).not.toBe('changed');
  });
});
