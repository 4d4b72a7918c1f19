import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { internal } from '../../convex/_generated/api';
import { MAX_SNAPSHOT_BYTES } from '../../convex/limits';
import { everything, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function post(key: string | null, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const bearer = (key: string): RequestInit => ({ headers: { Authorization: `Bearer ${key}` } });
const snapshot = { workspace: 'acme', type: 'bot-names', data: { fields: [{ key: 'name', value: 'Robo' }] } };

describe('POST /settings-backup', () => {
  test('stores the JSON of data and answers 201 with the id', async () => {
    const { t, captureKey } = await seededBackend();
    const response = await t.fetch('/settings-backup', post(captureKey, { ...snapshot, label: 'From CI' }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [stored] = await t.query(internal.testing.allBackups, { workspace: 'acme' });
    expect(stored).toMatchObject({
      id,
      data: JSON.stringify(snapshot.data),
      label: 'From CI',
      source: 'api',
    });
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('stores one backup per Idempotency-Key and answers the retry 200 with the same id', async () => {
    const { t, captureKey } = await seededBackend();
    const first = await t.fetch('/settings-backup', post(captureKey, snapshot, { 'Idempotency-Key': 'k-1' }));
    const retry = await t.fetch('/settings-backup', post(captureKey, snapshot, { 'Idempotency-Key': 'k-1' }));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ...((await first.json()) as object), duplicate: true });
    expect(await t.query(internal.testing.allBackups, { workspace: 'acme' })).toHaveLength(1);
  });

  test.each([
    ['no Authorization header', null, snapshot, 401, 'UNAUTHENTICATED'],
    ['an unknown key', 'sp_unknown-unknown-unknown', snapshot, 401, 'UNAUTHENTICATED'],
    ["another workspace's key", 'OTHER', snapshot, 403, 'FORBIDDEN'],
    ['a body that is not JSON', 'CAPTURE', '{oops', 400, 'INVALID'],
    ['a body without type', 'CAPTURE', { workspace: 'acme', data: {} }, 400, 'INVALID'],
    ['an unknown source', 'CAPTURE', { ...snapshot, source: 'robot' }, 400, 'INVALID'],
    [
      'a snapshot above the limit',
      'CAPTURE',
      { ...snapshot, data: 'x'.repeat(MAX_SNAPSHOT_BYTES) },
      413,
      'TOO_LARGE',
    ],
  ])('refuses %s and stores nothing', async (_case, key, body, status, code) => {
    const { t, captureKey, otherKey } = await seededBackend();
    const accessKey = key === 'CAPTURE' ? captureKey : key === 'OTHER' ? otherKey : key;
    const before = await everything(t);
    const response = await t.fetch('/settings-backup', post(accessKey, body));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect((await everything(t)).settingsBackups).toEqual(before.settingsBackups);
  });
});

describe('GET /settings-backups and /settings-backups/latest', () => {
  async function withThreeBackups() {
    const seeded = await seededBackend();
    for (const n of [1, 2, 3]) {
      const body = { ...snapshot, data: { n } };
      await seeded.t.fetch('/settings-backup', post(seeded.captureKey, body, { 'Idempotency-Key': `b${n}` }));
      vi.advanceTimersByTime(1000);
    }
    return seeded;
  }

  test('lists newest first, limit per page, and continues from the cursor', async () => {
    const { t, captureKey } = await withThreeBackups();
    const first = await t.fetch(
      '/settings-backups?workspace=acme&type=bot-names&limit=2',
      bearer(captureKey),
    );
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      page: { clientBackupId: string }[];
      isDone: boolean;
      continueCursor: string;
    };
    expect(page1.page.map((b) => b.clientBackupId)).toEqual(['b3', 'b2']);
    const cursor = encodeURIComponent(page1.continueCursor);
    const second = await t.fetch(
      `/settings-backups?workspace=acme&type=bot-names&limit=2&cursor=${cursor}`,
      bearer(captureKey),
    );
    const page2 = (await second.json()) as typeof page1;
    expect(page2.page.map((b) => b.clientBackupId)).toEqual(['b1']);
    expect(page2.isDone).toBe(true);
  });

  test('answers the latest backup of a section, and 404 when there is none', async () => {
    const { t, captureKey } = await withThreeBackups();
    const latest = await t.fetch(
      '/settings-backups/latest?workspace=acme&type=bot-names',
      bearer(captureKey),
    );
    expect(latest.status).toBe(200);
    expect(await latest.json()).toMatchObject({ clientBackupId: 'b3', data: '{"n":3}' });
    const none = await t.fetch('/settings-backups/latest?workspace=acme&type=billing', bearer(captureKey));
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test.each([
    ['no key', '/settings-backups?workspace=acme', '', 401],
    ['an unknown key', '/settings-backups?workspace=acme', 'sp_unknown-unknown-unknown', 401],
    ["another workspace's key", '/settings-backups/latest?workspace=acme&type=x', 'OTHER', 403],
    ['a missing workspace', '/settings-backups', 'CAPTURE', 400],
    ['a limit above 100', '/settings-backups?workspace=acme&limit=101', 'CAPTURE', 400],
  ])('refuses %s', async (_case, path, key, status) => {
    const { t, captureKey, otherKey } = await seededBackend();
    const accessKey = key === 'CAPTURE' ? captureKey : key === 'OTHER' ? otherKey : key;
    const response = await t.fetch(path, accessKey === '' ? {} : bearer(accessKey));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });
});
