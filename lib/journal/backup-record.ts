import { snapshotSchema } from '../capture/snapshot';
import { z } from '../zod';

export const backupSourceSchema = z.enum(['auto', 'manual', 'restore', 'import']);
export type BackupSource = z.infer<typeof backupSourceSchema>;

/** What a capture adds to the journal (or, when storage is full, to the hold). */
export const newBackupSchema = z.object({
  /** Client-made backup id, also the idempotency key on the server. */
  id: z.string().min(1),
  workspace: z.string().min(1),
  snapshot: snapshotSchema,
  contentHash: z.string().min(1),
  source: backupSourceSchema,
  capturedAt: z.number(),
  device: z.string(),
  label: z.string().optional(),
  note: z.string().optional(),
});
export type NewBackup = z.infer<typeof newBackupSchema>;

/** Where a backup stands with Convex. `remote` came from another device and is already on the server. */
export const outboxStateSchema = z.enum(['pending', 'synced', 'quarantined', 'remote']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** One backup in the local journal; its snapshot body lives in the `bodies` store under `contentHash`. */
export const backupRecordSchema = z.object({
  /** Client-made backup id, also the idempotency key on the server. */
  id: z.string().min(1),
  workspace: z.string().min(1),
  type: z.string().min(1),
  title: z.string(),
  capturedAt: z.number(),
  source: backupSourceSchema,
  label: z.string().optional(),
  note: z.string().optional(),
  device: z.string(),
  /** Label of the access key Convex recorded as the writer (set once synced, or pulled). */
  keyLabel: z.string().optional(),
  /** Who pinned it: this device's name, or the device and key an admin pinned it with elsewhere. */
  pinnedBy: z.string().optional(),
  contentHash: z.string(),
  /** (bytes) of the snapshot body as JSON. */
  size: z.number().int().nonnegative(),
  pinned: z.boolean(),
  /** Fields that differ from the previous backup of the same section (null for the first one). */
  changedFields: z.number().int().nullable(),
  leftOut: z.array(z.string()),
  outbox: outboxStateSchema,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: z.string().optional(),
  serverId: z.string().optional(),
  syncedAt: z.number().optional(),
});
export type BackupRecord = z.infer<typeof backupRecordSchema>;
