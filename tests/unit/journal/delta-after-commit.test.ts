import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJournal } from '../../../lib/journal/create-journal';
import { isDeltaBody, openJournal } from '../../../lib/journal/open-journal';
import { snapshot } from '../support/snapshot-fixture';

// Storing the section's previous body as a delta on the new one may fail (storage full, a body it cannot rebuild).
const failing = vi.hoisted(() => ({ applyPlan: false }));
vi.mock('../../../lib/journal/body-writes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/journal/body-writes')>();
  return {
    ...actual,
    applyPlan: (...args: Parameters<typeof actual.applyPlan>) =>
      failing.applyPlan ? Promise.reject(new Error('QuotaExceededError')) : actual.applyPlan(...args),
  };
});

afterEach(() => {
  failing.applyPlan = false;
  vi.restoreAllMocks();
});

describe('a new backup and the delta of the one before it', () => {
  it('keeps the new backup when storing the previous one as a delta fails, and the previous one stays readable', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openJournal(`delta-after-commit-${Math.random()}`);
    const journal = createJournal(db);
    const backup = (id: string, capturedAt: number, name: string) => {
      const snap = snapshot('bot-names', { name });
      const contentHash = `hash-${name}`;
      return {
        id,
        workspace: 'acme',
        snapshot: snap,
        contentHash,
        source: 'manual' as const,
        capturedAt,
        device: 't',
      };
    };
    const first = backup('b1', 1, 'Ada');
    await journal.record(first);
    failing.applyPlan = true;

    const second = await journal.record(backup('b2', 2, 'Grace'));

    expect(second.added).toBe(true);
    expect((await journal.list('acme')).map((record) => record.id)).toEqual(['b2', 'b1']);
    const previous = await db.get('bodies', first.contentHash);
    expect(previous && isDeltaBody(previous)).toBe(false);
    expect(await journal.readSnapshot(first.contentHash)).toEqual(first.snapshot);
    expect(await journal.readSnapshot('hash-Grace')).toEqual(snapshot('bot-names', { name: 'Grace' }));
  });
});
