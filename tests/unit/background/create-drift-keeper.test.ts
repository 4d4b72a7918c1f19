import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDriftKeeper } from '../../../lib/background/create-drift-keeper';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { Journal } from '../../../lib/journal/create-journal';
import { readDrift } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

const GRACE = snapshot('bot-names', { primaryName: 'Grace' });
const LINUS = snapshot('bot-names', { primaryName: 'Linus' });

/** A journal whose latest bot-names backup is `latest`; `slowly` makes its next lookup wait until released. */
function journalOf(first: Snapshot) {
  let latest = { id: 'b1', snapshot: first };
  let gate: Promise<void> | null = null;
  const journal = {
    async latestOfSection() {
      const seen = latest;
      if (gate) await gate;
      return { id: seen.id, contentHash: seen.id, capturedAt: 1 };
    },
    async snapshotOf({ contentHash: hash }: { contentHash: string }) {
      return hash === latest.id ? latest.snapshot : first;
    },
  } as unknown as Journal;
  return {
    journal,
    backUp(id: string, saved: Snapshot) {
      latest = { id, snapshot: saved };
    },
    slowly() {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

describe('createDriftKeeper', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what the page shows against the latest backup, and a backup of the section clears it', async () => {
    const { journal } = journalOf(GRACE);
    const keeper = createDriftKeeper(journal, () => 5);
    expect((await keeper.measure('acme', [LINUS])).changed).toBe(1);
    expect((await readDrift()).acme).toMatchObject({ changed: 1, checkedAt: 5 });
    await keeper.clearSection('acme', 'bot-names');
    expect((await readDrift()).acme?.changed).toBe(0);
  });

  it('a check that read the older backup while a save was backed up does not leave the page "changed"', async () => {
    const { journal, backUp, slowly } = journalOf(GRACE);
    const keeper = createDriftKeeper(journal);
    // The page shows Linus, just saved; the check reads the section's latest backup (Grace's) before Linus's lands.
    const release = slowly();
    const checked = keeper.measure('acme', [LINUS]);
    await Promise.resolve();
    // Linus's backup lands and clears the section, while the check is still under way.
    backUp('b2', LINUS);
    const cleared = keeper.clearSection('acme', 'bot-names');
    release();
    await Promise.all([checked, cleared]);
    expect((await readDrift()).acme?.changed).toBe(0);
  });
});
