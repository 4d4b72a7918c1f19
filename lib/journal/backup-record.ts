import { EXTENSION_SOURCES } from '../../convex/sharedValues';
import { snapshotSchema } from '../capture/snapshot';
import { backupPlaceSchema } from './backup-place';
import { z } from '../zod';

export const backupSourceSchema = z.enum(EXTENSION_SOURCES);
export type BackupSource = z.infer<typeof backupSourceSchema>;

/**
 * The one backup model: what every shape of a backup shares (a capture, a journal record, a held backup, a bundle
 * entry, an outgoing one). Each of them is this schema extended, picked or omitted, never a copy.
 */
export const backupSchema = z.object({
  /** Client-made backup id, also the idempotency key on the server. */
  id: z.string().min(1),
  workspace: z.string().min(1),
  /** The settings section, as the snapshot says. */
  type: z.string().min(1),
  title: z.string(),
  /** (ms since epoch) */
  capturedAt: z.number().finite(),
  source: backupSourceSchema,
  label: z.string().optional(),
  note: z.string().optional(),
  /** The device name the writer reports. */
  device: z.string(),
  contentHash: z.string().min(1),
  pinned: z.boolean(),
});

/** What a capture adds to the journal (or, when storage is full, to the hold): the snapshot, not yet a record. */
export const newBackupSchema = backupSchema
  .omit({ type: true, title: true, pinned: true })
  .extend({ snapshot: snapshotSchema });
export type NewBackup = z.infer<typeof newBackupSchema>;

/** Where a backup stands with Convex. `remote` came from another device and is already on the server. */
export const outboxStateSchema = z.enum(['pending', 'synced', 'quarantined', 'remote']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** One backup in the local journal; its snapshot body lives in the `bodies` store under `contentHash`. */
export const backupRecordSchema = backupSchema.extend({
  /** Label of the access key Convex recorded as the writer (set once synced, or pulled). */
  keyLabel: z.string().optional(),
  /** Who pinned it: this device's name, or the device and key an admin pinned it with elsewhere. */
  pinnedBy: z.string().optional(),
  /** (bytes) of the snapshot body as JSON. */
  size: z.number().int().nonnegative(),
  /** Where it was captured (backup-place.ts); absent from records made before it was kept. */
  place: backupPlaceSchema.optional(),
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

/** The fields of a new backup besides its snapshot, as a record or a bundle entry has them (extra keys dropped). */
export const newBackupFieldsSchema = newBackupSchema.omit({ snapshot: true });
