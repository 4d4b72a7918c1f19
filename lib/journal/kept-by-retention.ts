import type { BackupRecord } from './backup-record';
import { madeHere } from './made-here';
import { retentionAnchors } from './retention-anchors';

/**
 * Who a backup's place in retention belongs to: this device, an import, or the access key Convex says wrote a pulled
 * one (its label, set by the server; the device a backup names is its writer's word).
 */
function writerOf(record: BackupRecord): string {
  if (madeHere(record)) return 'here';
  if (record.source === 'import') return 'import';
  return `key:${record.keyLabel ?? ''}`;
}

/**
 * The unpinned backups of a section (oldest first) that retention keeps: per writer, as Convex counts per key, its
 * newest `keep` and its anchors (retention-anchors.ts). A capture key's backups, pulled with any past capture time,
 * then push out only that key's own older ones, never this device's history.
 */
export function keptByRetention(unpinned: BackupRecord[], keep: number, now: number): Set<BackupRecord> {
  const byWriter = new Map<string, BackupRecord[]>();
  for (const record of [...unpinned].reverse()) {
    const writer = writerOf(record);
    const theirs = byWriter.get(writer) ?? [];
    theirs.push(record);
    byWriter.set(writer, theirs);
  }
  const kept = new Set<BackupRecord>();
  for (const newestFirst of byWriter.values()) {
    for (const record of newestFirst.slice(0, keep)) kept.add(record);
    for (const record of retentionAnchors(newestFirst, (r) => r.capturedAt, now)) kept.add(record);
  }
  return kept;
}
