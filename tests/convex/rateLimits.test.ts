import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api } from '../../convex/_generated/api';
import { FAILED_KEY_CHECK_LIMIT, KEY_WRITE_LIMIT } from '../../convex/rateLimits';
import { seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('refuses writes of a key beyond its burst, and accepts them again after a while', async () => {
  const { t, capture, admin } = await seededBackend();
  for (let i = 0; i < KEY_WRITE_LIMIT.capacity; i++) {
    await t.action(api.writes.markSyncError, { ...capture, error: `e${i}` });
  }
  await expect(t.action(api.writes.markSyncError, { ...capture, error: 'one more' })).rejects.toMatchObject({
    data: { code: 'RATE_LIMITED' },
  });
  // Another key of the same workspace has its own bucket.
  await t.action(api.writes.markSyncError, { ...admin, error: 'admin' });
  vi.advanceTimersByTime(KEY_WRITE_LIMIT.period);
  await t.action(api.writes.markSyncError, { ...capture, error: 'later' });
});

test('locks out an IP after repeated failed key checks over HTTP, for the HTTP API and writes alike', async () => {
  const { t, capture } = await seededBackend();
  const attacker = t.withRequestMetadata({ ip: '203.0.113.9' });
  const badKey = { headers: { Authorization: 'Bearer sp_guess-guess-guess' } };
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    expect((await attacker.fetch('/settings-backups?workspace=acme', badKey)).status).toBe(401);
  }
  const goodKey = { headers: { Authorization: `Bearer ${capture.accessKey}` } };
  const locked = await attacker.fetch('/settings-backups?workspace=acme', goodKey);
  expect(locked.status).toBe(429);
  expect(await locked.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  await expect(attacker.action(api.writes.markSyncError, { ...capture, error: 'x' })).rejects.toMatchObject({
    data: { code: 'RATE_LIMITED' },
  });

  const neighbour = t.withRequestMetadata({ ip: '198.51.100.1' });
  expect((await neighbour.fetch('/settings-backups?workspace=acme', goodKey)).status).toBe(200);
  vi.advanceTimersByTime(FAILED_KEY_CHECK_LIMIT.period);
  expect((await attacker.fetch('/settings-backups?workspace=acme', goodKey)).status).toBe(200);
});
