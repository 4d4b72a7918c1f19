import 'fake-indexeddb/auto';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { pullRemoteBackups, type PullReport } from '../../../lib/sync/pull-remote-backups';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;
const settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`pull-${Math.random()}`));
});

/** A backup as Convex lists it, whose body is `body` (any JSON) under `hash`. */
function remote(id: string, body: unknown, hash: string, extra: Record<string, unknown> = {}) {
  return {
    id: `server-${id}`,
    clientBackupId: id,
    workspace: 'acme',
    type: 'bot-names',
    data: JSON.stringify(body),
    contentHash: hash,
    source: 'auto' as const,
    capturedAt: 100,
    createdAt: 100,
    device: 'other device',
    size: 100,
    pinned: false,
    ...extra,
  };
}

function clientOf(page: ReturnType<typeof remote>[]) {
  const list = async () => ({ page, isDone: true, continueCursor: '' });
  return { query: list, action: list } as unknown as ConvexHttpClient;
}

async function pull(page: ReturnType<typeof remote>[]) {
  let report: PullReport | undefined;
  const added = await pullRemoteBackups({
    client: clientOf(page),
    settings,
    journal,
    workspace: 'acme',
    onReport: (r) => (report = r),
  });
  return { added, report };
}

describe('pulled backups are checked before they are stored (issue 13, item 2)', () => {
  it('drops a backup whose body does not have its content hash, and counts it', async () => {
    const real = snapshot('bot-names', { name: 'Ada' });
    const attacker = snapshot('bot-names', { name: 'Mallory' });
    const { added, report } = await pull([
      remote('forged', attacker, await contentHash(real)),
      remote('honest', real, await contentHash(real)),
    ]);
    expect(added).toBe(1);
    expect((await journal.list('acme')).map((r) => r.id)).toEqual(['honest']);
    expect(report).toMatchObject({ added: 1, mismatched: 1, malformed: 0 });
  });

  it('drops a malformed backup (a title that is not text) instead of storing it', async () => {
    const bad = { ...snapshot('bot-names', { name: 'x' }), title: {} };
    const { added, report } = await pull([remote('bad', bad, 'whatever')]);
    expect(added).toBe(0);
    expect(await journal.count()).toBe(0);
    expect(report).toMatchObject({ malformed: 1 });
  });

  it('drops a backup whose snapshot is of another section than the backup says', async () => {
    const other = snapshot('billing', { plan: 'pro' });
    const { added } = await pull([remote('moved', other, await contentHash(other))]);
    expect(added).toBe(0);
  });

  it('never replaces a body already stored under the same hash', async () => {
    const mine = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(mine);
    await journal.record({
      id: 'local',
      workspace: 'acme',
      snapshot: mine,
      contentHash: hash,
      source: 'auto',
      capturedAt: 50,
      device: 'this device',
    });
    // Same hashed content, but the parts the hash does not cover point elsewhere.
    const lookalike: Snapshot = { ...mine, pageUrl: 'https://evil.example/acme/settings' };
    expect(await contentHash(lookalike)).toBe(hash);
    await pull([remote('lookalike', lookalike, hash)]);
    expect((await journal.readSnapshot(hash))?.pageUrl).toBe(mine.pageUrl);
    // Each backup reads the place it was captured at: the pulled one cannot lend its page to mine, nor take mine.
    expect((await journal.snapshotOf((await journal.get('local'))!))?.pageUrl).toBe(mine.pageUrl);
    expect((await journal.snapshotOf((await journal.get('lookalike'))!))?.pageUrl).toBe(lookalike.pageUrl);
  });

  it('never lets a body pulled first shadow a later backup made on this device', async () => {
    const mine = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(mine);
    const lookalike: Snapshot = { ...mine, pageUrl: 'https://evil.example/acme/settings' };
    await pull([remote('lookalike', lookalike, hash)]);
    await journal.record({
      id: 'local',
      workspace: 'acme',
      snapshot: mine,
      contentHash: hash,
      source: 'manual',
      capturedAt: 200,
      device: 'this device',
    });
    expect((await journal.readSnapshot(hash))?.pageUrl).toBe(mine.pageUrl);
  });

  it('drops a backup whose capture time no date can hold, which the history could not show (popup crash)', async () => {
    const body = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(body);
    // 9e15 ms is past the last date JavaScript holds: toISOString() and date-fns throw on it in every render.
    const { added, report } = await pull([remote('far', body, hash, { capturedAt: 9e15, createdAt: 9e15 })]);
    expect(added).toBe(0);
    expect(await journal.count()).toBe(0);
    expect(report).toMatchObject({ malformed: 1 });
  });

  it('drops a backup whose label, device or key label is not text, and keeps the rest of the page', async () => {
    const body = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(body);
    const { added, report } = await pull([
      remote('label', body, hash, { label: { toString: 1 } }),
      remote('device', body, hash, { device: 42 }),
      remote('key', body, hash, { keyLabel: ['x'] }),
      remote('honest', body, hash),
    ]);
    expect(added).toBe(1);
    expect((await journal.list('acme')).map((r) => r.id)).toEqual(['honest']);
    expect(report).toMatchObject({ malformed: 3 });
  });

  it('a backup stamped far ahead of every clock does not stop later pulls of the workspace', async () => {
    const body = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(body);
    await pull([remote('future', body, hash, { createdAt: 8e15 })]);
    // The next pull's backups, made now, are older than that stamp: a mark set at it would skip them all forever.
    const later = snapshot('bot-names', { name: 'Grace' });
    const { added } = await pull([
      remote('later', later, await contentHash(later), { createdAt: Date.now() }),
    ]);
    expect(added).toBe(1);
    expect(await journal.get('later')).toBeDefined();
  });

  it('leaves out HTTP API backups (any JSON, not snapshots) and shows the writing key, not the claimed device', async () => {
    const body = snapshot('bot-names', { name: 'Ada' });
    const hash = await contentHash(body);
    const { added, report } = await pull([
      remote('api', { primaryName: 'Ada' }, 'h', { source: 'api' }),
      remote('keyed', body, hash, { device: 'CEO laptop', keyLabel: 'Intern key' }),
    ]);
    expect(added).toBe(1);
    expect(report).toMatchObject({ notSnapshot: 1 });
    // The device is what the writer claims; the key is what Convex recorded, and the history shows both.
    expect(await journal.get('keyed')).toMatchObject({ device: 'CEO laptop', keyLabel: 'Intern key' });
  });
});
