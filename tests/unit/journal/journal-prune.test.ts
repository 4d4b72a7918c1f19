import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal, type JournalDb } from '../../../lib/journal/open-journal';
import { snapshot } from '../support/snapshot-fixture';

let db: JournalDb;
let journal: Journal;
let counter = 0;

/** Adds a backup of section `bot-names` with a distinct value; `synced` marks it already in Convex. */
async function add(synced = true) {
  counter += 1;
  const body = snapshot('bot-names', { name: `Bot ${counter}` });
  const { record } = await journal.record({
    id: `b${String(counter).padStart(4, '0')}`,
    workspace: 'acme',
    snapshot: body,
    contentHash: `hash-${counter}`,
    source: 'auto',
    capturedAt: counter,
    device: 'test',
  });
  if (synced) await journal.update(record.id, (r) => ({ ...r, outbox: 'synced' }));
  return record;
}

/**
 * The journal over `db` with `afterRead` run each time a prune has read its section, and how many times it read a
 * section and counted one.
 */
function journalWatchingReads(afterRead: () => Promise<void> = async () => undefined) {
  const reads = { count: 0, counts: 0 };
  const watched = new Proxy(db, {
    get(target, key) {
      if (key === 'getAllFromIndex')
        return async (...args: Parameters<JournalDb['getAllFromIndex']>) => {
          const found = await target.getAllFromIndex(...args);
          reads.count += 1;
          await afterRead();
          return found;
        };
      if (key === 'countFromIndex')
        return (...args: Parameters<JournalDb['countFromIndex']>) => {
          reads.counts += 1;
          return target.countFromIndex(...args);
        };
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { pruning: createJournal(watched), reads };
}

beforeEach(async () => {
  db = await openJournal(`prune-${Math.random()}`);
  journal = createJournal(db);
});

describe('journal prune', () => {
  it('keeps a backup pinned after the prune read its section and before it removed it', async () => {
    const [oldest] = [await add(), await add(), await add()];
    const { pruning } = journalWatchingReads(async () => {
      await journal.update(oldest!.id, (r) => ({ ...r, pinned: true }));
    });
    expect(await pruning.prune('acme', 'bot-names', 1)).toBe(1);
    const left = await journal.list('acme');
    expect(left.map((r) => r.id)).toContain(oldest!.id);
    expect(left.find((r) => r.id === oldest!.id)?.pinned).toBe(true);
    expect(left).toHaveLength(2);
  });

  it('with slack, waits for slack more backups on top of the pinned and unsent ones the last prune had to keep', async () => {
    for (let i = 0; i < 3; i += 1) {
      const record = await add();
      await journal.update(record.id, (r) => ({ ...r, pinned: true }));
    }
    await add(false);
    for (let i = 0; i < 5; i += 1) await add();
    const { pruning, reads } = journalWatchingReads();
    journal = pruning;
    // Retention 2, slack 1: 9 backups, of which 3 pinned and 1 not in Convex stay.
    expect(await pruning.prune('acme', 'bot-names', 2, 1)).toBe(3);
    expect(await journal.count()).toBe(6);
    expect(reads.count).toBe(1);
    // One more save stays within what the prune left plus the slack: nothing is read.
    await add();
    expect(await pruning.prune('acme', 'bot-names', 2, 1)).toBe(0);
    expect(reads.count).toBe(1);
    // A second one goes over it: the section is read and pruned to the retention again.
    await add();
    expect(await pruning.prune('acme', 'bot-names', 2, 1)).toBe(2);
    expect(reads.count).toBe(2);
    expect(await journal.count()).toBe(6);
  });

  it('with slack, counts a section once and then follows its own saves and removals', async () => {
    const plain = journal;
    const { pruning, reads } = journalWatchingReads();
    journal = pruning;
    for (let i = 0; i < 3; i += 1) await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(0);
    await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(0);
    expect(reads).toEqual({ count: 0, counts: 1 });
    // Five now: over the retention and its slack, known without counting again.
    await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(2);
    expect(reads).toEqual({ count: 1, counts: 1 });
    await journal.remove((await plain.list('acme'))[0]!.id);
    await add();
    await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(0);
    expect(reads).toEqual({ count: 1, counts: 1 });
  });

  it('with slack, a backup removed lowers what the last prune left: deleted pinned ones make no room beyond the retention', async () => {
    const pinned = [];
    for (let i = 0; i < 3; i += 1) {
      const record = await add();
      await journal.update(record.id, (r) => ({ ...r, pinned: true }));
      pinned.push(record.id);
    }
    for (let i = 0; i < 3; i += 1) await add();
    // Retention 2, slack 1: the 3 pinned and the newest 2 stay.
    expect(await journal.prune('acme', 'bot-names', 2, 1)).toBe(1);
    // The user deletes the pinned ones; 2 more saves make 4, over the retention and its slack.
    for (const id of pinned) await journal.remove(id);
    await add();
    await add();
    expect(await journal.prune('acme', 'bot-names', 2, 1)).toBe(2);
    expect(await journal.count()).toBe(2);
  });

  it('with slack, a lowered retention applies at the next prune: what a higher one left makes no room', async () => {
    for (let i = 0; i < 7; i += 1) await add();
    // Retention 5, slack 1: 7 backups, 5 left.
    expect(await journal.prune('acme', 'bot-names', 5, 1)).toBe(2);
    // The user lowers the retention to 2: the next save's prune keeps 2, not the 5 the higher one left.
    await add();
    expect(await journal.prune('acme', 'bot-names', 2, 1)).toBe(4);
    expect(await journal.count()).toBe(2);
  });

  it("with slack, keeps the size it knows through a sync pass's pull, and adds what the pull brought", async () => {
    const plain = journal;
    const { pruning, reads } = journalWatchingReads();
    journal = pruning;
    for (let i = 0; i < 3; i += 1) await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(0);
    // Every sync pass pulls; most pulls bring nothing.
    await journal.addSynced([], []);
    await add();
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(0);
    expect(reads).toEqual({ count: 0, counts: 1 });
    // Another device's backup arrives: five now, known without counting, so the section is pruned.
    const other = { ...(await plain.list('acme'))[0]!, id: 'from-another-device', capturedAt: 0 };
    await journal.addSynced([other], []);
    expect(await journal.prune('acme', 'bot-names', 3, 1)).toBe(2);
    expect(reads.counts).toBe(1);
  });

  it('without slack, prunes to the retention at once', async () => {
    for (let i = 0; i < 4; i += 1) await add();
    expect(await journal.prune('acme', 'bot-names', 2)).toBe(2);
    expect(await journal.count()).toBe(2);
  });
});

describe('journal prune after a burst of saves', () => {
  it("keeps the section's newest backup from before the last hour, however many saves came since", async () => {
    // A page script saves again and again after one click: each save is real, and each is a backup.
    const now = Date.now();
    const before = snapshot('bot-names', { name: 'Good' });
    const { record: good } = await journal.record({
      id: 'good',
      workspace: 'acme',
      snapshot: before,
      contentHash: 'hash-good',
      source: 'auto',
      capturedAt: now - 2 * 60 * 60 * 1000,
      device: 'test',
    });
    await journal.update(good.id, (r) => ({ ...r, outbox: 'synced' }));
    for (let i = 0; i < 5; i++) {
      const { record } = await journal.record({
        id: `burst-${i}`,
        workspace: 'acme',
        snapshot: snapshot('bot-names', { name: `Junk ${i}` }),
        contentHash: `hash-burst-${i}`,
        source: 'auto',
        capturedAt: now - 5000 + i,
        device: 'test',
      });
      await journal.update(record.id, (r) => ({ ...r, outbox: 'synced' }));
    }
    await journal.prune('acme', 'bot-names', 3, 0, now);
    const left = (await journal.list('acme')).map((r) => r.id);
    expect(left).toContain('good');
    expect(left.filter((id) => id.startsWith('burst-'))).toHaveLength(3);
  });
});

describe("SECURITY: pulled backups do not push this device's own history out of the journal", () => {
  // A capture key writes backups with any past capture time (Convex bounds it only ahead of its clock). Pulled, its
  // newest `keep` took every place retention counts, and three backdated just before an hour, a day and a week ago
  // took the anchors: this device's own backups of the section were pruned, and are never pulled back.
  it("keeps this device's newest backups and anchors, whatever a capture key's pulled backups claim", async () => {
    const now = Date.now();
    const HOUR = 60 * 60 * 1000;
    const { record: good } = await journal.record({
      id: 'good',
      workspace: 'acme',
      snapshot: snapshot('bot-names', { name: 'Good' }),
      contentHash: 'hash-good',
      source: 'auto',
      capturedAt: now - 2 * HOUR,
      device: 'test',
    });
    await journal.update(good.id, (r) => ({ ...r, outbox: 'synced' }));
    const times = [now - 3, now - 2, now - 1, now - HOUR - 1, now - 24 * HOUR - 1, now - 7 * 24 * HOUR - 1];
    const pulled = times.map((capturedAt, index) => ({
      ...good,
      id: `mallory-${index}`,
      contentHash: `hash-mallory-${index}`,
      capturedAt,
      outbox: 'remote' as const,
      keyLabel: 'Mallory',
      device: 'Mallory',
    }));
    const bodies = pulled.map((record) => ({
      hash: record.contentHash,
      data: JSON.stringify(snapshot('bot-names', { name: record.id })),
    }));
    await journal.addSynced(pulled, bodies);
    await journal.prune('acme', 'bot-names', 3, 0, now);
    expect((await journal.list('acme')).map((r) => r.id)).toContain('good');
  });
});
