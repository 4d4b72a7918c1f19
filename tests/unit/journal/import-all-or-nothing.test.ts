import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import {
  MAX_BUNDLE_BACKUPS,
  MAX_BUNDLE_FIELDS,
  MAX_BUNDLE_VALUE_DEPTH,
  type Bundle,
} from '../../../lib/journal/bundle-schema';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { exportBundle } from '../../../lib/journal/export-bundle';
import { importBundle } from '../../../lib/journal/import-bundle';
import { openJournal } from '../../../lib/journal/open-journal';
import { snapshot } from '../support/snapshot-fixture';

async function freshJournal(): Promise<Journal> {
  return createJournal(await openJournal(`import-${Math.random()}`));
}

let bundle: Bundle;

beforeEach(async () => {
  const source = await freshJournal();
  for (const [i, name] of ['Ada', 'Grace', 'Hedy'].entries()) {
    const body = snapshot('bot-names', { name });
    await source.record({
      id: `b${i}`,
      workspace: 'acme',
      snapshot: body,
      contentHash: await contentHash(body),
      source: 'auto',
      capturedAt: 1000 * (i + 1),
      device: 'Chromium on Linux',
    });
  }
  bundle = JSON.parse(JSON.stringify(await exportBundle(source, 'acme'))) as Bundle;
});

describe('imports are all or nothing (issue 13, item 8)', () => {
  it('leaves nothing behind when a write fails in the middle', async () => {
    const target = await freshJournal();
    const put = IDBObjectStore.prototype.put;
    let backupsPut = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'backups' && ++backupsPut === 2) throw new DOMException('disk gone', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(importBundle(target, bundle)).rejects.toThrow(/nothing was imported/);
    vi.restoreAllMocks();
    expect(await target.count()).toBe(0);
    expect(await target.countBodies()).toBe(0);
  });

  it(`refuses a bundle of more than ${MAX_BUNDLE_BACKUPS} backups, saying so`, async () => {
    const huge = {
      ...bundle,
      backups: Array.from({ length: MAX_BUNDLE_BACKUPS + 1 }, () => bundle.backups[0]),
    };
    const report = await importBundle(await freshJournal(), huge);
    expect(report.added).toBe(0);
    expect(report.invalid).toEqual([
      {
        index: -1,
        reason: `A bundle holds at most ${MAX_BUNDLE_BACKUPS} backups; this one has ${MAX_BUNDLE_BACKUPS + 1}`,
      },
    ]);
  });

  it(`refuses a snapshot of more than ${MAX_BUNDLE_FIELDS} fields`, async () => {
    const values = Object.fromEntries(
      Array.from({ length: MAX_BUNDLE_FIELDS + 1 }, (_, i) => [`f${i}`, 'x']),
    );
    const body = snapshot('bot-names', values);
    const entry = { ...bundle.backups[0]!, id: 'wide', snapshot: body, contentHash: await contentHash(body) };
    const report = await importBundle(await freshJournal(), { ...bundle, backups: [entry] });
    expect(report.invalid).toEqual([
      { index: 0, reason: `snapshot.fields: at most ${MAX_BUNDLE_FIELDS} fields per snapshot` },
    ]);
  });

  it(`refuses values nested deeper than ${MAX_BUNDLE_VALUE_DEPTH} levels`, async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_BUNDLE_VALUE_DEPTH + 5; i++) deep = { deeper: deep };
    const body = {
      ...snapshot('bot-names', { name: 'x' }),
      request: { method: 'PUT' as const, url: 'https://x', body: deep, bodyKind: 'json' },
    };
    const entry = { ...bundle.backups[0]!, id: 'deep', snapshot: body, contentHash: await contentHash(body) };
    const target = await freshJournal();
    const report = await importBundle(target, { ...bundle, backups: [bundle.backups[1], entry] });
    expect(report.invalid).toEqual([
      { index: 1, reason: `values are nested deeper than ${MAX_BUNDLE_VALUE_DEPTH} levels` },
    ]);
    expect(await target.count()).toBe(0);
  });
});
