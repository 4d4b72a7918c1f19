import type { ConvexHttpClient } from 'convex/browser';
import { vi } from 'vitest';
import { noteStorageHealth } from '../../../lib/background/note-storage-health';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import type { Journal } from '../../../lib/journal/create-journal';
import type { Settings } from '../../../lib/storage';
import { createSyncEngine, type SyncDeps } from '../../../lib/sync/create-sync-engine';
import { snapshot } from './snapshot-fixture';

/** A Convex write as the tests stand it in. */
export type Write = (args: Record<string, unknown>) => Promise<unknown>;

/** Convex's change feed when no admin changed anything. */
export const NO_CHANGES = {
  entries: [],
  more: false,
  retention: 200,
  retentionSet: false,
  key: { role: 'admin', label: 'k' },
};

/** The name Convex's function reference `ref` stands for (`writes:createBackup`). */
export const functionName = (ref: unknown) =>
  String((ref as Record<symbol, unknown>)[Symbol.for('functionName')]);

/** A Convex client whose backups go to `createBackup` (and errors to `markSyncError`), with nothing to pull. */
export function fakeConvexClient(writes: { createBackup: Write; markSyncError?: Write }): ConvexHttpClient {
  return {
    query: async () => ({ page: [], isDone: true, continueCursor: '' }),
    action: async (ref: unknown, args: Record<string, unknown>) => {
      if (functionName(ref) === 'writes:markSyncError') return writes.markSyncError?.(args) ?? null;
      if (functionName(ref) === 'writes:createBackup') return writes.createBackup(args);
      return functionName(ref) === 'reads:listChanges'
        ? NO_CHANGES
        : { page: [], isDone: true, continueCursor: '' };
    },
  } as unknown as ConvexHttpClient;
}

/** The background's sync engine over `journal` and `client`, at the time `now()` says; `overrides` replace deps. */
export function testSyncEngine(
  setup: { journal: Journal; settings: () => Settings; now: () => number; client: ConvexHttpClient },
  overrides: Partial<SyncDeps> = {},
) {
  return createSyncEngine({
    journal: setup.journal,
    readSettings: async () => setup.settings(),
    createClient: () => setup.client,
    now: setup.now,
    random: () => 0.5,
    scheduleRetry: vi.fn(),
    onChange: vi.fn(),
    device: async () => 'test device',
    hold: createBackupHold(),
    noteStorage: (change) => noteStorageHealth(change, setup.now()),
    ...overrides,
  });
}

/** Records a backup of Bot names whose primary name is `name`, as a capture on this device at `capturedAt`. */
export async function recordBotNames(journal: Journal, name: string, capturedAt: number, workspace = 'acme') {
  await journal.record({
    id: `id-${name}`,
    workspace,
    snapshot: snapshot('bot-names', { name }),
    contentHash: `hash-${name}`,
    source: 'auto',
    capturedAt,
    device: 'test device',
  });
}
