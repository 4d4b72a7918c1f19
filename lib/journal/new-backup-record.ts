import { newBackupFieldsSchema, type BackupRecord, type NewBackup } from './backup-record';

/** The journal record of a new backup: waiting for Convex, not pinned. */
export function newBackupRecord(input: NewBackup, size: number, changedFields: number | null): BackupRecord {
  return {
    // Parsed, not spread: a held backup's own keys (`pushedAt`) stay out of the record.
    ...newBackupFieldsSchema.parse(input),
    type: input.snapshot.type,
    title: input.snapshot.title,
    size,
    pinned: false,
    changedFields,
    leftOut: input.snapshot.leftOut,
    outbox: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
  };
}
