import type { BackupRecord, NewBackup } from './backup-record';

/** The journal record of a new backup: waiting for Convex, not pinned. */
export function newBackupRecord(input: NewBackup, size: number, changedFields: number | null): BackupRecord {
  return {
    id: input.id,
    workspace: input.workspace,
    type: input.snapshot.type,
    title: input.snapshot.title,
    capturedAt: input.capturedAt,
    source: input.source,
    ...(input.label ? { label: input.label } : {}),
    ...(input.note ? { note: input.note } : {}),
    device: input.device,
    contentHash: input.contentHash,
    size,
    pinned: false,
    changedFields,
    leftOut: input.snapshot.leftOut,
    outbox: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
  };
}
