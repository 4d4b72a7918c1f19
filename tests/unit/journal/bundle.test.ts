import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import { bundleSchema } from '../../../lib/journal/bundle-schema';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { bundleFileName, exportBundle } from '../../../lib/journal/export-bundle';
import { importBundle } from '../../../lib/journal/import-bundle';
import { openJournal } from '../../../lib/journal/open-journal';
import { snapshot } from '../support/snapshot-fixture';

async function freshJournal(): Promise<Journal> {
  return createJournal(await openJournal(`bundle-${Math.random()}`));
}

async function add(journal: Journal, id: string, type: string, values: Record<string, string>, at: number) {
  const body = snapshot(type, values);
  return journal.record({
    id,
    workspace: 'acme',
    snapshot: body,
    contentHash: await contentHash(body),
    source: 'auto',
    capturedAt: at,
    device: 'Chromium on Linux',
    ...(id === 'b2' ? { label: 'Before launch', note: 'kept for the demo' } : {}),
  });
}

let source: Journal;

beforeEach(async () => {
  source = await freshJournal();
  await add(source, 'b1', 'bot-names', { name: 'Ada' }, 1000);
  await add(source, 'b2', 'bot-names', { name: 'Grace' }, 2000);
  await add(source, 'b3', 'brain', { model: 'small' }, 3000);
  await source.update('b1', (record) => ({ ...record, pinned: true }));
});

describe('bundles', () => {
  it('exports a valid bundle, all of a workspace or only the chosen backups', async () => {
    const all = await exportBundle(source, 'acme', undefined, 5000);
    expect(bundleSchema.safeParse(all).success).toBe(true);
    expect(all.backups.map((b) => b.id)).toEqual(['b3', 'b2', 'b1']);
    expect(all.exportedAt).toBe(5000);
    expect(all.backups[1]).toMatchObject({ label: 'Before launch', note: 'kept for the demo' });
    const some = await exportBundle(source, 'acme', ['b1']);
    expect(some.backups.map((b) => b.id)).toEqual(['b1']);
    expect(some.backups[0]?.snapshot.fields[0]?.value).toBe('Ada');
  });

  it('round-trips into another journal, keeping capture times, labels and pins, marked as imports', async () => {
    const target = await freshJournal();
    const bundle = JSON.parse(JSON.stringify(await exportBundle(source, 'acme'))) as unknown;
    expect(await importBundle(target, bundle)).toEqual({
      added: 3,
      identical: 0,
      conflicting: 0,
      invalid: [],
    });
    const list = await target.list('acme');
    expect(list.map((r) => [r.id, r.capturedAt, r.source])).toEqual([
      ['b3', 3000, 'import'],
      ['b2', 2000, 'import'],
      ['b1', 1000, 'import'],
    ]);
    expect(list.find((r) => r.id === 'b1')?.pinned).toBe(true);
    expect(list.find((r) => r.id === 'b2')).toMatchObject({ label: 'Before launch', changedFields: 1 });
    expect((await target.readSnapshot(list[0]!.contentHash))?.fields[0]?.value).toBe('small');
  });

  it('reports everything identical on re-import, by id or by the same section content', async () => {
    const bundle = await exportBundle(source, 'acme');
    expect(await importBundle(source, bundle)).toEqual({
      added: 0,
      identical: 3,
      conflicting: 0,
      invalid: [],
    });
    const renamed = { ...bundle, backups: bundle.backups.map((b) => ({ ...b, id: `copy-${b.id}` })) };
    expect(await importBundle(source, renamed)).toEqual({
      added: 0,
      identical: 3,
      conflicting: 0,
      invalid: [],
    });
    expect(await source.count()).toBe(3);
  });

  it('keeps the backup already here when one with its id holds other content, and reports it as conflicting', async () => {
    const bundle = await exportBundle(source, 'acme', ['b2']);
    const other = snapshot('bot-names', { name: 'Mallory' });
    const entry = { ...bundle.backups[0]!, snapshot: other, contentHash: await contentHash(other) };
    const report = await importBundle(source, { ...bundle, backups: [entry] });
    expect(report).toEqual({ added: 0, identical: 0, conflicting: 1, invalid: [] });
    const kept = (await source.list('acme')).find((r) => r.id === 'b2');
    expect((await source.readSnapshot(kept!.contentHash))?.fields[0]?.value).toBe('Grace');
  });

  it('adds nothing when one entry is invalid, and says which and why', async () => {
    const target = await freshJournal();
    const bundle = await exportBundle(source, 'acme');
    const [first, second, third] = bundle.backups;
    const tampered = {
      ...bundle,
      backups: [
        first,
        { ...second!, snapshot: { ...second!.snapshot, fields: [] } },
        { ...third!, capturedAt: 'yesterday' },
      ],
    };
    const report = await importBundle(target, tampered);
    expect(report.added).toBe(0);
    expect(report.invalid).toEqual([
      { index: 1, reason: 'contentHash does not match its snapshot' },
      { index: 2, reason: expect.stringContaining('capturedAt') },
    ]);
    expect(await target.count()).toBe(0);
  });

  it('refuses something that is not a bundle at all', async () => {
    const report = await importBundle(source, { format: 'other', backups: [] });
    expect(report.added).toBe(0);
    expect(report.invalid[0]?.index).toBe(-1);
  });

  it('names the file after the workspace and the day', () => {
    expect(bundleFileName('acme', new Date(2026, 4, 1, 12).getTime())).toBe('savepoint-acme-2026-05-01.json');
    expect(bundleFileName('a/b c', new Date(2026, 4, 1, 12).getTime())).toBe(
      'savepoint-a-b-c-2026-05-01.json',
    );
  });
});
