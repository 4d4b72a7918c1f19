import { afterEach, expect, test, vi } from 'vitest';
import { internal } from '../../convex/_generated/api';
import { MAX_TEST_BACKUPS as MOST, TEST_FUNCTIONS_FLAG as FLAG } from '../../convex/testing';
import { newBackend } from './fixture';

afterEach(() => {
  vi.unstubAllEnvs();
});

test('the test-only reads refuse to run in a deployment that did not set the test flag', async () => {
  vi.stubEnv(FLAG, '');
  const t = newBackend();
  await expect(t.query(internal.testing.allBackups, { workspace: 'acme' })).rejects.toThrow(FLAG);
  await expect(t.query(internal.testing.workspaceRow, { workspace: 'acme' })).rejects.toThrow(FLAG);
});

test('allBackups reads a bounded page of the newest backups, however many the workspace holds', async () => {
  const t = newBackend();
  await t.run(async (ctx) => {
    for (let i = 0; i <= MOST; i += 1) {
      await ctx.db.insert('settingsBackups', {
        workspace: 'acme',
        type: 'bot-names',
        clientBackupId: `b${i}`,
        data: '{}',
        chunkCount: 0,
        contentHash: 'h',
        size: 2,
        source: 'auto',
        capturedAt: i,
        createdAt: i,
        pinned: false,
      });
    }
  });
  const read = await t.query(internal.testing.allBackups, { workspace: 'acme' });
  expect(read).toHaveLength(MOST);
  expect(read[0]?.clientBackupId).toBe(`b${MOST}`);
});
