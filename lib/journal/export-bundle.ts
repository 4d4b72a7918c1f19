import { lightFormat } from 'date-fns';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleBackup } from './bundle-schema';
import { backupSchema } from './backup-record';
import type { Journal } from './create-journal';

/** Writes a workspace's backups (all, or only `ids`) with their snapshots as a bundle, newest first. */
export async function exportBundle(
  journal: Journal,
  workspace: string,
  ids?: readonly string[],
  now: number = Date.now(),
): Promise<Bundle> {
  const wanted = ids ? new Set(ids) : null;
  const records = (await journal.list(workspace)).filter((record) => !wanted || wanted.has(record.id));
  const backups: BundleBackup[] = [];
  for (const record of records) {
    const snapshot = await journal.snapshotOf(record);
    // A record whose body is gone cannot be restored from a bundle either, so it is left out.
    if (!snapshot) continue;
    // The record's own bookkeeping (outbox, attempts, server id) is dropped by the bundle's schema.
    backups.push({ ...backupSchema.parse(record), snapshot });
  }
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: now, backups };
}

/** File name of a bundle, e.g. `savepoint-acme-2026-05-01.json`. */
export function bundleFileName(workspace: string, now: number = Date.now()): string {
  const safe = workspace.replace(/[^A-Za-z0-9._-]+/g, '-') || 'workspace';
  return `savepoint-${safe}-${lightFormat(now, 'yyyy-MM-dd')}.json`;
}
