import { describe, expect, it } from 'vitest';
import { measureDrift } from '../../../lib/background/measure-drift';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import type { Journal } from '../../../lib/journal/create-journal';
import { secretText } from '../../../lib/popup/format-value';
import { backupRecord } from '../support/backup-record-fixture';
import { field, snapshot } from '../support/snapshot-fixture';

/** Brain with its API key left out: each device hashes a secret with its own salt. */
function brain(model: string, keyHash: string): Snapshot {
  return {
    ...snapshot('brain', { model }),
    fields: [
      field('model', model),
      { ...field('apiKey', null, 'API key'), secret: { hash: keyHash, reason: 'password' } },
    ],
  };
}

function journalWith(latest: BackupRecord, saved: Snapshot): Journal {
  return {
    latestOfSection: async () => latest,
    snapshotOf: async () => saved,
  } as unknown as Journal;
}

describe("a secret's hash means something only on the device that made it", () => {
  it('a backup pulled from another device does not make the page read as changed for its secrets', async () => {
    const pulled = backupRecord({ id: 'p', type: 'brain', outbox: 'remote' });
    const drift = await measureDrift(
      journalWith(pulled, brain('small', 'their-salt')),
      'acme',
      [brain('small', 'our-salt')],
      5,
    );
    expect(drift.changed).toBe(0);
  });

  it("this device's own backup still tells a changed secret", async () => {
    const own = backupRecord({ id: 'o', type: 'brain', outbox: 'synced' });
    const drift = await measureDrift(
      journalWith(own, brain('small', 'old-hash')),
      'acme',
      [brain('small', 'new-hash')],
      5,
    );
    expect(drift.changed).toBe(1);
  });

  it('a diff across devices says the secret cannot be compared', () => {
    const [, key] = diffSnapshots(brain('small', 'a'), brain('large', 'b'), { secretsComparable: false });
    expect(key).toMatchObject({ kind: 'unchanged', secret: 'unknown' });
    expect(secretText(key!)).toBe('left out (not comparable across devices)');
  });
});
