import type { BackupRecord } from '../journal/backup-record';
import type { WorkspaceFacts } from '../storage';

/**
 * Who made a backup, as the history shows it, in parts: the device the writer named, and the access key Convex
 * recorded (which the writer cannot choose). A restore's backup says it was a restore.
 */
export function describeAuthor(record: Pick<BackupRecord, 'device' | 'keyLabel' | 'source'>): string[] {
  const device = record.source === 'restore' ? `restored by ${record.device}` : record.device;
  return record.keyLabel ? [device, `key ${record.keyLabel}`] : [device];
}

/** Why restore, pin, unpin and delete are refused to this workspace's key (Convex refuses them), or null. */
export function adminRefusal(facts: Pick<WorkspaceFacts, 'role' | 'keyLabel'> | undefined): string | null {
  if (facts?.role !== 'capture') return null;
  const key = facts.keyLabel ? `key "${facts.keyLabel}"` : 'this key';
  return `Restoring, pinning and deleting need an admin key; ${key} is a capture key`;
}
