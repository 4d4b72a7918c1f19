import { convexTest } from 'convex-test';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import schema from '../../convex/schema';
import { modules } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** (bytes) Data of one large backup: 1.5 MB, so that a dozen pass what one Convex function may read (16 MiB). */
const LARGE_BYTES = 1_500_000;

type Page = { page: { clientBackupId: string; size: number }[]; isDone: boolean; continueCursor: string };

/** A backend that fails a function past Convex's read and write limits, as a deployment does. */
async function limitedBackend() {
  const t = convexTest({ schema, modules, transactionLimits: true });
  const { key } = await t.mutation(internal.keys.create, { workspace: 'acme', role: 'capture', label: 'CI' });
  return { t, key };
}

/** Stores `count` large backups through the HTTP API, one section each (so none is stored as a delta). */
async function storeLarge(t: Awaited<ReturnType<typeof limitedBackend>>['t'], key: string, count: number) {
  for (let i = 0; i < count; i++) {
    const response = await t.fetch('/settings-backup', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${key}`,
        'Idempotency-Key': `big-${i}`,
      },
      body: JSON.stringify({
        workspace: 'acme',
        type: `section-${i}`,
        data: { blob: String(i).repeat(LARGE_BYTES) },
      }),
    });
    expect(response.status).toBe(201);
    vi.advanceTimersByTime(1000);
  }
}

test('GET /settings-backups ends a page of large backups early, and its cursor leads to the rest', async () => {
  const { t, key } = await limitedBackend();
  await storeLarge(t, key, 12);
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await t.fetch(`/settings-backups?workspace=acme&limit=100${query}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Page;
    expect(body.page.length).toBeGreaterThan(0);
    seen.push(...body.page.map((backup) => backup.clientBackupId));
    if (body.isDone) break;
    cursor = body.continueCursor;
  }
  expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `big-${11 - i}`));
});

test('reads:listBackups pages large backups under the read limit, pages shorter than asked for not done', async () => {
  const { t, key } = await limitedBackend();
  await storeLarge(t, key, 12);
  const first = (await t.action(api.reads.listBackups, {
    accessKey: key,
    workspace: 'acme',
    paginationOpts: { numItems: 50, cursor: null },
  })) as Page;
  expect(first.isDone).toBe(false);
  expect(first.page.length).toBeGreaterThan(0);
  expect(first.page.length).toBeLessThan(12);
});

test('pages of backups stored in one millisecond list each backup once', async () => {
  const { t, key } = await limitedBackend();
  await t.run(async (ctx) => {
    for (let i = 0; i < 7; i++) {
      await ctx.db.insert('settingsBackups', {
        workspace: 'acme',
        type: 'bot-names',
        clientBackupId: `s${i}`,
        data: '{}',
        contentHash: 'hash',
        source: 'api',
        capturedAt: 5,
        createdAt: 5,
        chunkCount: 0,
        size: 2,
        pinned: false,
      });
    }
  });
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page = (await t.query(internal.httpBackups.list, {
      accessKey: key,
      workspace: 'acme',
      ip: null,
      type: 'bot-names',
      paginationOpts: { numItems: 2, cursor },
    })) as Page;
    seen.push(...page.page.map((backup) => backup.clientBackupId));
    if (page.isDone) break;
    cursor = page.continueCursor;
  }
  expect(seen.toSorted()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
});

test('GET /settings-backups refuses a cursor it did not give with 400', async () => {
  const { t, key } = await limitedBackend();
  const response = await t.fetch('/settings-backups?workspace=acme&cursor=made-up', {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: 'INVALID' } });
});
