// SECURITY: a capture key deletes a section's history in Convex, which only an admin key may do. Retention keeps the
// newest N backups of a section whoever wrote them, and every write prunes its section: a capture key (any device
// of the team, or a QA script's key) that writes N backups of a section in a burst (1,000 are allowed at once)
// makes the server remove every older unpinned backup of it, other devices' and admins' included.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { backupArgs, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("a capture key's burst of backups does not remove the backups other keys made", async () => {
  const { t, admin, capture } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 3 });
  // The admin's device backs the section up (it is not pinned: retention is the admin's to set, not to dodge).
  await t.action(api.writes.createBackup, {
    ...admin,
    ...(await backupArgs({ clientBackupId: 'admin-good' }, { name: 'Good' })),
  });
  vi.advanceTimersByTime(1000);
  for (let i = 0; i < 3; i++) {
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: `flood-${i}` }, { name: `Junk ${i}` })),
    });
    vi.advanceTimersByTime(1000);
  }
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  const left = await t.query(internal.testing.allBackups, { workspace: 'acme' });
  expect(left.map((b) => b.clientBackupId)).toContain('admin-good');
});

test('a capture key still prunes its own older backups of a section', async () => {
  const { t, admin, capture } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 2 });
  for (let i = 0; i < 4; i++) {
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: `own-${i}` }, { name: `Value ${i}` })),
    });
    vi.advanceTimersByTime(1000);
  }
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  const left = await t.query(internal.testing.allBackups, { workspace: 'acme' });
  expect(left.map((b) => b.clientBackupId)).toEqual(['own-3', 'own-2']);
});

test("a device's own burst of backups of a section does not remove its backup from before the last hour", async () => {
  // A page script on the dashboard saves again and again after one click: every save is real, and every one is
  // sent with this device's key, whose older backups retention counts together with them.
  const { t, admin, capture } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 3 });
  await t.action(api.writes.createBackup, {
    ...capture,
    ...(await backupArgs({ clientBackupId: 'before-burst' }, { name: 'Good' })),
  });
  vi.advanceTimersByTime(2 * 60 * 60 * 1000);
  for (let i = 0; i < 5; i++) {
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: `burst-${i}`, capturedAt: Date.now() }, { name: `Junk ${i}` })),
    });
    vi.advanceTimersByTime(1000);
  }
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  const left = (await t.query(internal.testing.allBackups, { workspace: 'acme' })).map(
    (b) => b.clientBackupId,
  );
  expect(left).toContain('before-burst');
  expect(left.filter((id) => id.startsWith('burst-'))).toHaveLength(3);
});
