import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;
let counter = 0;

async function add(
  values: Record<string, string>,
  extra: { source?: 'auto' | 'manual'; type?: string } = {},
) {
  counter += 1;
  const body = snapshot(extra.type ?? 'bot-names', values);
  return journal.record({
    id: `b${counter}`,
    workspace: 'acme',
    snapshot: body,
    contentHash: JSON.stringify(body.fields),
    source: extra.source ?? 'auto',
    capturedAt: counter,
    device: 'test',
  });
}

beforeEach(async () => {
  journal = createJournal(await openJournal(`journal-${Math.random()}`));
});

describe('journal', () => {
  it('makes no new backup for an identical consecutive snapshot of a section, but does for a manual capture', async () => {
    expect((await add({ name: 'Ada' })).added).toBe(true);
    expect((await add({ name: 'Ada' })).added).toBe(false);
    expect((await add({ name: 'Ada' }, { source: 'manual' })).added).toBe(true);
    expect(await journal.count()).toBe(2);
    expect(await journal.countBodies()).toBe(1);
  });

  it('counts the fields changed since the previous backup of the same section', async () => {
    await add({ name: 'Ada', greeting: 'formal' });
    await add({ other: 'x' }, { type: 'brain' });
    const { record } = await add({ name: 'Grace', greeting: 'formal' });
    expect(record.changedFields).toBe(1);
    const list = await journal.list('acme');
    expect(list.map((r) => r.changedFields)).toEqual([1, null, null]);
  });

  it('lists newest first and hands out due pending backups oldest first', async () => {
    const older = await add({ name: 'a' });
    const newer = await add({ name: 'b' });
    expect((await journal.list('acme')).map((r) => r.id)).toEqual([newer.record.id, older.record.id]);
    expect((await journal.due(Date.now())).map((r) => r.id)).toEqual([older.record.id, newer.record.id]);
  });

  it('prunes only synced, unpinned backups beyond the retention', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await add({ name });
    const all = await journal.list('acme');
    // Oldest two are synced, one of them pinned; the rest still wait for Convex.
    const [oldest, second] = [all[4]!, all[3]!];
    await journal.update(oldest.id, (r) => ({ ...r, outbox: 'synced', pinned: true }));
    await journal.update(second.id, (r) => ({ ...r, outbox: 'synced' }));
    const removed = await journal.prune('acme', 'bot-names', 2);
    expect(removed).toBe(1);
    const left = (await journal.list('acme')).map((r) => r.id);
    expect(left).toContain(oldest.id);
    expect(left).not.toContain(second.id);
    expect(left).toHaveLength(4);
  });

  it('with slack, leaves a section alone until it holds more than retention + slack, then prunes to the retention', async () => {
    for (const name of ['a', 'b', 'c', 'd']) await add({ name });
    for (const record of await journal.list('acme'))
      await journal.update(record.id, (r) => ({ ...r, outbox: 'synced' }));
    expect(await journal.prune('acme', 'bot-names', 2, 2)).toBe(0);
    expect(await journal.list('acme')).toHaveLength(4);
    const newest = await add({ name: 'e' });
    expect(await journal.prune('acme', 'bot-names', 2, 2)).toBe(3);
    const left = await journal.list('acme');
    expect(left.map((r) => r.id)[0]).toBe(newest.record.id);
    expect(left).toHaveLength(2);
  });

  it('removes a body only when no backup uses it any more', async () => {
    const first = await add({ name: 'Ada' });
    await add({ name: 'Grace' });
    const third = await add({ name: 'Ada' });
    await journal.remove(first.record.id);
    expect(await journal.readSnapshot(third.record.contentHash)).not.toBeNull();
    await journal.remove(third.record.id);
    expect(await journal.readSnapshot(third.record.contentHash)).toBeNull();
  });

  it('reads the newest few backups of a workspace without the rest, newest first', async () => {
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push((await add({ name })).record.id);
    expect((await journal.newest('acme', 2)).map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect(await journal.newest('globex', 2)).toEqual([]);
  });

  it('reads the history page by page, newest first, without skipping or repeating backups of the same millisecond', async () => {
    const ids: string[] = [];
    for (const [name, capturedAt] of [
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 2],
      ['e', 3],
    ] as const) {
      counter += 1;
      const body = snapshot('bot-names', { name });
      const id = `p${counter}`;
      ids.push(id);
      await journal.record({
        id,
        workspace: 'acme',
        snapshot: body,
        contentHash: name,
        source: 'manual',
        capturedAt,
        device: 'test',
      });
    }
    const readPages = async (size: number) => {
      const pages: string[][] = [];
      let page = await journal.newest('acme', size);
      while (page.length) {
        pages.push(page.map((r) => r.id));
        page = await journal.newest('acme', size, page.at(-1));
      }
      return pages;
    };
    const listed = (await journal.list('acme')).map((r) => r.id);
    // In requests of whole ranges where IndexedDB has `getAllRecords`, and with a cursor where it has not.
    const index = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    expect(typeof index.getAllRecords).toBe('function');
    const getAllRecords = Object.getOwnPropertyDescriptor(index, 'getAllRecords');
    for (const withRequests of [true, false]) {
      if (!withRequests) delete index.getAllRecords;
      try {
        for (const [size, lengths] of [
          [2, [2, 2, 1]],
          [1, [1, 1, 1, 1, 1]],
          [3, [3, 2]],
        ] as const) {
          const pages = await readPages(size);
          expect(pages.flat()).toEqual(listed);
          expect(pages.flat().sort()).toEqual([...ids].sort());
          expect(pages.map((p) => p.length)).toEqual(lengths);
        }
      } finally {
        if (getAllRecords) Object.defineProperty(index, 'getAllRecords', getAllRecords);
      }
    }
    expect(await journal.countOf('acme')).toBe(5);
    expect(await journal.countOf('globex')).toBe(0);
  });

  it('reads the first screen in one request where IndexedDB can, and the same with a cursor where it cannot', async () => {
    for (const [name, capturedAt] of [
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 3],
    ] as const) {
      counter += 1;
      await journal.record({
        id: `s${counter}`,
        workspace: 'acme',
        snapshot: snapshot('bot-names', { name }),
        contentHash: name,
        source: 'manual',
        capturedAt,
        device: 'test',
      });
    }
    const expected = (await journal.list('acme')).slice(0, 3).map((r) => r.id);
    const index = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    expect(typeof index.getAllRecords).toBe('function');
    expect((await journal.newest('acme', 3)).map((r) => r.id)).toEqual(expected);
    const getAllRecords = Object.getOwnPropertyDescriptor(index, 'getAllRecords');
    delete index.getAllRecords;
    try {
      expect((await journal.newest('acme', 3)).map((r) => r.id)).toEqual(expected);
    } finally {
      if (getAllRecords) Object.defineProperty(index, 'getAllRecords', getAllRecords);
    }
  });

  it('lists the workspaces that have backups', async () => {
    await add({ name: 'Ada' });
    expect(await journal.workspaces()).toEqual(['acme']);
  });
});
