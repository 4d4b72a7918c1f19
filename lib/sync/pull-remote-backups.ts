import type { ConvexHttpClient } from 'convex/browser';
import type { FunctionReturnType } from 'convex/server';
import type { Snapshot } from '../capture/snapshot';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { readPullMark, writePullMark, type PullMark, type Settings } from '../storage';
import { convexFunctions } from './convex-api';

/** Backups fetched per page when pulling other devices' backups. */
const PAGE_SIZE = 50;
/** Pages read at most per pull, so one pull stays bounded. */
const MAX_PAGES = 10;

interface PullInput {
  client: ConvexHttpClient;
  settings: Settings;
  journal: Journal;
  workspace: string;
}

/**
 * Copies backups that other devices made for this workspace into the journal, newest first (server order), down to
 * the newest one an earlier pull saw: what is older was either pulled then or pruned here since, and stays out.
 */
export async function pullRemoteBackups({
  client,
  settings,
  journal,
  workspace,
}: PullInput): Promise<number> {
  let cursor: string | null = null;
  let added = 0;
  const mark = await readPullMark(workspace);
  const seenAtMark = new Set(mark?.ids);
  let newest: PullMark | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: FunctionReturnType<typeof convexFunctions.listBackups> = await client.query(
      convexFunctions.listBackups,
      {
        accessKey: settings.accessKey,
        workspace,
        paginationOpts: { numItems: PAGE_SIZE, cursor },
      },
    );
    const records: BackupRecord[] = [];
    const bodies: { hash: string; data: string }[] = [];
    let reachedMark = false;
    for (const backup of result.page) {
      if (!newest || backup.createdAt > newest.at) newest = { at: backup.createdAt, ids: [] };
      if (backup.createdAt === newest.at && newest.ids.length < 1000) newest.ids.push(backup.clientBackupId);
      // Older than the mark: seen by an earlier pull. At the mark's own millisecond, skip only the backups that
      // pull saw (one made in that millisecond may have been committed after it read).
      if (mark && backup.createdAt < mark.at) {
        reachedMark = true;
        break;
      }
      if (mark && backup.createdAt === mark.at && seenAtMark.has(backup.clientBackupId)) continue;
      if (await journal.get(backup.clientBackupId)) continue;
      let snapshot: Snapshot;
      try {
        snapshot = JSON.parse(backup.data) as Snapshot;
      } catch {
        continue;
      }
      bodies.push({ hash: backup.contentHash, data: backup.data });
      records.push({
        id: backup.clientBackupId,
        workspace,
        type: backup.type,
        title: snapshot.title ?? backup.type,
        capturedAt: backup.capturedAt,
        source: backup.source,
        ...(backup.label ? { label: backup.label } : {}),
        ...(backup.note ? { note: backup.note } : {}),
        device: backup.device ?? 'another device',
        contentHash: backup.contentHash,
        size: backup.size,
        pinned: backup.pinned,
        changedFields: null,
        leftOut: Array.isArray(snapshot.leftOut) ? snapshot.leftOut : [],
        outbox: 'remote',
        attempts: 0,
        nextAttemptAt: 0,
        serverId: String(backup.id),
        syncedAt: backup.createdAt,
      });
    }
    added += await journal.addSynced(records, bodies);
    if (reachedMark || result.isDone) break;
    cursor = result.continueCursor;
  }
  // The mark moves up even when MAX_PAGES cut the pull short: one pull reads at most that many backups newer than
  // the last one, and the next pull starts from the newest again instead of reading the same pages forever.
  if (newest !== undefined) await writePullMark(workspace, newest);
  return added;
}
