import type { BackupRecord } from './backup-record';

/**
 * True when this device made the backup (not pulled from Convex, not imported): only then are its secrets' hashes
 * made with this device's salt, and comparable with what this device captures. Each device salts its own.
 */
export function madeHere(record: Pick<BackupRecord, 'outbox' | 'source'>): boolean {
  return record.outbox !== 'remote' && record.source !== 'import';
}
