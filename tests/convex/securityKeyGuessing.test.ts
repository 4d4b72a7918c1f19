// SECURITY: the per-IP failed-key-check budget (README: "429 ... after 10 failed key checks a minute from one IP")
// must hold for every way a client can check a key. Public queries that took an access key (workspaces:whoami,
// settingsBackups:listBackups / getLatestBackup, workspaces:getSyncStatus, audit:listAudit) passed ip: null to
// authenticate(): they neither counted a failed guess nor refused an IP that spent its budget, so key guessing
// through them was unlimited. A Convex query cannot hold them to it (it cannot see the caller's IP, and cannot
// write), so no public query may take a key: clients read through the reads:* actions, which count.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api } from '../../convex/_generated/api';
import { FAILED_KEY_CHECK_LIMIT } from '../../convex/rateLimits';
import { modules, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Registered = { isQuery?: boolean; isPublic?: boolean; exportArgs?: () => string };

test('no public query takes an access key', async () => {
  const keyed: string[] = [];
  for (const [file, load] of Object.entries(modules)) {
    if (file.includes('/_generated/')) continue;
    const name = file.replace('../../convex/', '').replace(/\.ts$/, '');
    for (const [exported, fn] of Object.entries((await load()) as Record<string, Registered>)) {
      if (fn?.isQuery !== true || fn.isPublic !== true) continue;
      const args = JSON.parse(fn.exportArgs?.() ?? '{}') as { value?: Record<string, unknown> };
      if (args.value !== undefined && 'accessKey' in args.value) keyed.push(`${name}:${exported}`);
    }
  }
  expect(keyed).toEqual([]);
});

test('the reads clients use are held to the per-IP failed-check budget', async () => {
  const { t, capture } = await seededBackend();
  const attacker = t.withRequestMetadata({ ip: '203.0.113.9' });
  // Guesses through the read the extension uses for "Test connection" are counted: the budget, then refused.
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await expect(
      attacker.action(api.reads.whoami, { accessKey: `sp_guess-${i}-guess-guess-guess` }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  }
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity * 5; i++) {
    await expect(
      attacker.action(api.reads.whoami, { accessKey: `sp_more-${i}-guess-guess-guess` }),
    ).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  }
  // An IP locked out over HTTP is refused by every read, even with a right key.
  const other = t.withRequestMetadata({ ip: '203.0.113.10' });
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await other.fetch('/settings-backups?workspace=acme', {
      headers: { Authorization: 'Bearer sp_guess-guess-guess' },
    });
  }
  for (const read of [
    () => other.action(api.reads.whoami, { accessKey: capture.accessKey }),
    () => other.action(api.reads.listBackups, { ...capture, paginationOpts: { numItems: 5, cursor: null } }),
    () => other.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' }),
    () => other.action(api.reads.listChanges, { ...capture, after: 0 }),
  ]) {
    await expect(read()).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  }
});
