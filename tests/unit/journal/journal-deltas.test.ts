import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { exportBundle } from '../../../lib/journal/export-bundle';
import { isDeltaBody, openJournal, type JournalDb, type StoredBody } from '../../../lib/journal/open-journal';
import { SnapshotRebuildError } from '../../../lib/journal/snapshot-rebuild-error';
import { snapshot } from '../support/snapshot-fixture';

let name: string;
let db: JournalDb;
let journal: Journal;
let counter = 0;

/** A section snapshot whose fields are `values`; its content hash is its fields as JSON (enough for a test). */
function body(values: Record<string, string>, type = 'bot-names'): { snap: Snapshot; hash: string } {
  const snap = snapshot(type, values);
  return { snap, hash: JSON.stringify([type, snap.fields]) };
}

async function add(values: Record<string, string>, workspace = 'acme', type = 'bot-names') {
  counter += 1;
  const { snap, hash } = body(values, type);
  const { record } = await journal.record({
    id: `b${counter}`,
    workspace,
    snapshot: snap,
    contentHash: hash,
    source: 'manual',
    capturedAt: counter,
    device: 'test',
  });
  return { record, snap };
}

async function stored(hash: string): Promise<StoredBody> {
  const found = await db.get('bodies', hash);
  if (!found) throw new Error(`no body ${hash}`);
  return found;
}

beforeEach(async () => {
  name = `deltas-${Math.random()}`;
  db = await openJournal(name);
  journal = createJournal(db);
});

describe('a journal that stores what changed', () => {
  it('keeps the newest backup whole and the one before as a delta that rebuilds it exactly', async () => {
    const first = await add({ name: 'Ada', greeting: 'formal' });
    const second = await add({ name: 'Grace', greeting: 'formal' });
    expect(isDeltaBody(await stored(first.record.contentHash))).toBe(true);
    expect(isDeltaBody(await stored(second.record.contentHash))).toBe(false);
    expect(await journal.readSnapshot(first.record.contentHash)).toEqual(first.snap);
    expect(await journal.readSnapshot(second.record.contentHash)).toEqual(second.snap);
    const delta = await stored(first.record.contentHash);
    expect(isDeltaBody(delta) && delta.ops.length).toBeLessThan(JSON.stringify(first.snap).length / 2);
  });

  it('rebuilds every backup of a long history, a revert included', async () => {
    const added = [];
    for (let i = 0; i < 30; i++) added.push(await add({ name: `n${i % 7}`, greeting: i % 2 ? 'a' : 'b' }));
    for (const { record, snap } of added)
      expect(await journal.readSnapshot(record.contentHash)).toEqual(snap);
    const bodies = await db.getAll('bodies');
    expect(bodies.filter(isDeltaBody).length).toBeGreaterThan(bodies.length / 2);
    expect(isDeltaBody(await stored(added.at(-1)!.record.contentHash))).toBe(false);
  });

  it('starts a new run with a whole body once the deltas outweigh two bodies', async () => {
    const added = [];
    for (let i = 0; i < 12; i++) added.push(await add({ note: `${i}`.padEnd(400, String(i % 10)) }));
    const whole = (await db.getAll('bodies')).filter((b) => !isDeltaBody(b));
    expect(whole.length).toBeGreaterThan(2);
    for (const { record, snap } of added)
      expect(await journal.readSnapshot(record.contentHash)).toEqual(snap);
  });

  it.each([
    ['the oldest', 0],
    ['a middle', 2],
    ['the newest', 4],
  ])('keeps the others readable when %s backup is deleted, and frees its body', async (_name, index) => {
    const added = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) added.push(await add({ name }));
    await journal.remove(added[index]!.record.id);
    expect(await journal.countBodies()).toBe(4);
    for (const [i, { record, snap }] of added.entries()) {
      if (i !== index) expect(await journal.readSnapshot(record.contentHash)).toEqual(snap);
    }
    expect(await journal.readSnapshot(added[index]!.record.contentHash)).toBeNull();
  });

  it('keeps the rest readable after retention prunes the oldest', async () => {
    const added = [];
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) added.push(await add({ name }));
    for (const { record } of added) await journal.update(record.id, (r) => ({ ...r, outbox: 'synced' }));
    expect(await journal.prune('acme', 'bot-names', 2)).toBe(4);
    for (const { record, snap } of added.slice(4))
      expect(await journal.readSnapshot(record.contentHash)).toEqual(snap);
    expect(await journal.countBodies()).toBe(2);
  });

  it('never loops when two workspaces hold the same bodies in the opposite order', async () => {
    const a1 = await add({ name: 'x' }, 'one');
    const a2 = await add({ name: 'y' }, 'one');
    await add({ name: 'y' }, 'two');
    await add({ name: 'x' }, 'two');
    expect(await journal.readSnapshot(a1.record.contentHash)).toEqual(a1.snap);
    expect(await journal.readSnapshot(a2.record.contentHash)).toEqual(a2.snap);
  });
});

describe('a corrupted journal is reported, never read as a wrong snapshot', () => {
  async function olderAndNewer() {
    const older = await add({ name: 'Ada', greeting: 'formal' });
    const newer = await add({ name: 'Grace', greeting: 'formal' });
    const delta = await stored(older.record.contentHash);
    if (!isDeltaBody(delta)) throw new Error('expected a delta');
    return { older, newer, delta };
  }

  async function failure(hash: string) {
    const error: unknown = await journal.readSnapshot(hash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotRebuildError);
    return (error as SnapshotRebuildError).reason;
  }

  it('a missing base', async () => {
    const { older, newer } = await olderAndNewer();
    await db.delete('bodies', newer.record.contentHash);
    expect(await failure(older.record.contentHash)).toBe('missing-base');
  });

  it('a delta that is not a delta', async () => {
    const { older, delta } = await olderAndNewer();
    await db.put('bodies', { ...delta, ops: '{"not":"ops"' });
    expect(await failure(older.record.contentHash)).toBe('bad-delta');
  });

  it('a delta whose result differs from what was saved', async () => {
    const { older, delta } = await olderAndNewer();
    await db.put('bodies', { ...delta, ops: delta.ops.replace('Ada', 'Eve') });
    expect(await failure(older.record.contentHash)).toBe('mismatch');
  });

  it('a base that changed under the delta', async () => {
    const { older, newer } = await olderAndNewer();
    const head = await stored(newer.record.contentHash);
    if (isDeltaBody(head)) throw new Error('expected a whole body');
    await db.put('bodies', { ...head, data: head.data.replace('"greeting"', '"greetings"') });
    expect(await failure(older.record.contentHash)).toMatch(/bad-delta|mismatch/);
  });

  it('a loop of bases', async () => {
    const { older, newer, delta } = await olderAndNewer();
    await db.put('bodies', { ...delta, hash: newer.record.contentHash, base: older.record.contentHash });
    expect(await failure(older.record.contentHash)).toBe('cycle');
  });

  it('export says so instead of leaving the backup out', async () => {
    const { newer } = await olderAndNewer();
    await db.delete('bodies', newer.record.contentHash);
    await add({ name: 'Linus', greeting: 'formal' }, 'acme', 'other');
    await expect(exportBundle(journal, 'acme')).rejects.toThrow(/cannot be rebuilt/);
  });
});

describe('journals of version 1 and backups that arrive whole', () => {
  it('opens a version 1 journal with its whole bodies readable, and compacts its sections', async () => {
    const v1Name = `v1-${Math.random()}`;
    const v1 = await openDB(v1Name, 1, {
      upgrade(old) {
        const backups = old.createObjectStore('backups', { keyPath: 'id' });
        backups.createIndex('by_workspace_and_capturedAt', ['workspace', 'capturedAt']);
        backups.createIndex('by_workspace_and_type_and_capturedAt', ['workspace', 'type', 'capturedAt']);
        backups.createIndex('by_outbox_and_nextAttemptAt', ['outbox', 'nextAttemptAt']);
        backups.createIndex('by_contentHash', 'contentHash');
        old.createObjectStore('bodies', { keyPath: 'hash' });
      },
    });
    const old = ['a', 'b', 'c'].map((value, i) => ({ ...body({ name: value }), i }));
    for (const { snap, hash, i } of old) {
      await v1.put('bodies', { hash, data: JSON.stringify(snap) });
      await v1.put('backups', {
        id: `old${i}`,
        workspace: 'acme',
        type: 'bot-names',
        title: 'Bot names',
        capturedAt: i,
        source: 'auto',
        device: 'test',
        contentHash: hash,
        size: 1,
        pinned: false,
        changedFields: null,
        leftOut: [],
        outbox: 'synced',
        attempts: 0,
        nextAttemptAt: 0,
      });
    }
    v1.close();
    db = await openJournal(v1Name);
    journal = createJournal(db);
    for (const { snap, hash } of old) expect(await journal.readSnapshot(hash)).toEqual(snap);
    expect(await journal.compactSection('acme', 'bot-names')).toBe(2);
    for (const { snap, hash } of old) expect(await journal.readSnapshot(hash)).toEqual(snap);
    expect((await db.getAll('bodies')).filter(isDeltaBody)).toHaveLength(2);
  });

  it('stores an imported history as deltas, each backup readable', async () => {
    const entries = ['a', 'b', 'c', 'd'].map((value, i) => {
      const { snap, hash } = body({ name: value, greeting: 'same' });
      return {
        backup: {
          id: `i${i}`,
          workspace: 'acme',
          snapshot: snap,
          contentHash: hash,
          source: 'import' as const,
          capturedAt: i,
          device: 'test',
        },
        pinned: false,
      };
    });
    expect((await journal.importAll(entries)).added).toBe(4);
    expect((await db.getAll('bodies')).filter(isDeltaBody)).toHaveLength(3);
    for (const { backup } of entries)
      expect(await journal.readSnapshot(backup.contentHash)).toEqual(backup.snapshot);
  });

  it('keeps whole a pulled body whose JSON text a rebuild would not give back to the letter', async () => {
    const local = await add({ name: 'local' });
    const { hash, snap } = body({ name: 'indented' });
    await journal.addSynced(
      [{ ...local.record, id: 'remote', contentHash: hash, capturedAt: -1, outbox: 'remote' }],
      [{ hash, data: JSON.stringify(snap, null, 2) }],
    );
    expect(isDeltaBody(await stored(hash))).toBe(false);
    expect(await journal.readSnapshot(hash)).toEqual(snap);
  });

  it('stores pulled backups older than the local ones as deltas, the newest still whole', async () => {
    const local = await add({ name: 'local' });
    const pulled = ['p1', 'p2'].map((value, i) => ({ ...body({ name: value }), at: -10 + i }));
    await journal.addSynced(
      pulled.map(({ hash, at }, i) => ({
        ...local.record,
        id: `remote${i}`,
        contentHash: hash,
        capturedAt: at,
        outbox: 'remote' as const,
      })),
      pulled.map(({ hash, snap }) => ({ hash, data: JSON.stringify(snap) })),
    );
    expect(isDeltaBody(await stored(local.record.contentHash))).toBe(false);
    for (const { hash, snap } of pulled) {
      expect(isDeltaBody(await stored(hash))).toBe(true);
      expect(await journal.readSnapshot(hash)).toEqual(snap);
    }
  });
});
