import { placeOf } from './backup-place';
import { newBackupFieldsSchema, type BackupRecord, type NewBackup } from './backup-record';

/**
 * The journal record of a new backup, not pinned: waiting for Convex, or already synced at `syncedAt` (a held
 * backup that was sent straight from the hold).
 */
export function newBackupRecord(
  input: NewBackup,
  size: number,
  changedFields: number | null,
  syncedAt?: number,
): BackupRecord {
  return {
    // Parsed, not spread: a held backup's own keys (`pushedAt`) stay out of the record.
    ...newBackupFieldsSchema.parse(input),
    type: input.snapshot.type,
    title: input.snapshot.title,
    place: placeOf(input.snapshot),
    size,
    pinned: false,
    changedFields,
    leftOut: input.snapshot.leftOut,
    outbox: syncedAt === undefined ? 'pending' : 'synced',
    attempts: 0,
    nextAttemptAt: 0,
    ...(syncedAt === undefined ? {} : { syncedAt }),
  };
}
