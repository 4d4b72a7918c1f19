import type { ConvexHttpClient } from 'convex/browser';
import { withoutBidiControls } from '../capture/clean-text';
import type { Snapshot } from '../capture/snapshot';
import type { BackupRecord } from '../journal/backup-record';
import { placeOf } from '../journal/backup-place';
import type { Journal } from '../journal/create-journal';
import { labelAndNote } from '../journal/label-and-note';
import { readPullMark, writePullMark, type PullMark, type Settings } from '../storage';
import { checkPulledBackup, type PullRefusal, type RemoteBackup } from './check-pulled-backup';
import { accessKeyFor } from './access-key-for';
import { convexReads } from './convex-reads';
import { mayFitSmaller } from './may-fit-smaller';
import { parseRemoteBackup, remotePageSchema } from './parse-remote-backup';

/** Backups fetched per page when pulling other devices' backups. */
const PAGE_SIZE = 50;
/**
 * Backups read at most per pull (ten full pages), so one pull stays bounded. Counted in backups, not pages: large
 * backups shrink the pages (down to one), and ten pages of one would move the mark past what they left unread.
 */
const MAX_BACKUPS = 10 * PAGE_SIZE;

/** What one pull did: backups added, and those left out by why. */
export type PullReport = { added: number } & Record<PullRefusal, number>;

interface PullInput {
  client: ConvexHttpClient;
  settings: Settings;
  journal: Journal;
  workspace: string;
  /** Told what the pull did, left-out backups included (for the sync status). */
  onReport?: (report: PullReport) => void;
}

/**
 * The journal record of a checked pulled backup; the device shown is the key the server says wrote it. The device
 * and key label lose their bidi controls, as the label, note and snapshot do.
 */
function remoteRecord(backup: RemoteBackup, workspace: string, snapshot: Snapshot): BackupRecord {
  const keyLabel = withoutBidiControls(backup.keyLabel ?? '');
  return {
    id: backup.clientBackupId,
    workspace,
    type: backup.type,
    title: snapshot.title,
    place: placeOf(snapshot),
    capturedAt: backup.capturedAt,
    // HTTP API backups were left out by checkPulledBackup; this only narrows the type.
    source: backup.source === 'api' ? 'manual' : backup.source,
    ...labelAndNote(backup),
    device: withoutBidiControls(backup.device ?? '') || 'another device',
    ...(keyLabel ? { keyLabel } : {}),
    contentHash: backup.contentHash,
    size: backup.size,
    pinned: backup.pinned,
    changedFields: null,
    leftOut: snapshot.leftOut,
    outbox: 'remote',
    attempts: 0,
    nextAttemptAt: 0,
    serverId: String(backup.id),
    syncedAt: backup.createdAt,
  };
}

/**
 * Copies backups that other devices made for this workspace into the journal, newest first (server order), down to
 * the newest one an earlier pull saw: what is older was either pulled then or pruned here since, and stays out.
 * Every pulled backup is checked like untrusted input (schema, section, content hash); one that fails is left out
 * and counted, never stored, and a pulled body never replaces one the journal already holds under its hash.
 */
export async function pullRemoteBackups({
  client,
  settings,
  journal,
  workspace,
  onReport,
}: PullInput): Promise<number> {
  let cursor: string | null = null;
  const report: PullReport = { added: 0, notSnapshot: 0, malformed: 0, mismatched: 0 };
  const mark = await readPullMark(workspace);
  const seenAtMark = new Set(mark?.ids);
  let newest: PullMark | undefined;
  let numItems = PAGE_SIZE;
  // An empty page counts as one, so a server answering empty pages that are never done cannot keep a pull going.
  for (let read = 0; read < MAX_BACKUPS;) {
    numItems = Math.min(numItems, MAX_BACKUPS - read);
    let answer: unknown;
    for (;;) {
      try {
        answer = await client.action(convexReads.listBackups, {
          accessKey: accessKeyFor(settings, workspace),
          workspace,
          paginationOpts: { numItems, cursor },
        });
        break;
      } catch (error) {
        // Large backups (a capture key may write a few of 8 MiB) make a page too large for Convex to list: ask for
        // half as many, down to one, rather than fail every pull of the workspace from then on.
        if (numItems === 1 || !mayFitSmaller(error)) throw error;
        numItems = Math.ceil(numItems / 2);
      }
    }
    // Past the large ones, pages grow back.
    const result = remotePageSchema.parse(answer);
    read += Math.max(1, result.page.length);
    numItems = Math.min(PAGE_SIZE, numItems * 2);
    const records: BackupRecord[] = [];
    const bodies: { hash: string; data: string }[] = [];
    let reachedMark = false;
    for (const raw of result.page) {
      // Checked before it counts for anything, the pull's mark included: a response is data from outside.
      const backup = parseRemoteBackup(raw, workspace);
      if (!backup) {
        report.malformed += 1;
        continue;
      }
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
      const checked = await checkPulledBackup(backup);
      if ('refused' in checked) {
        report[checked.refused] += 1;
        continue;
      }
      bodies.push({ hash: backup.contentHash, data: checked.data });
      records.push(remoteRecord(backup, workspace, checked.snapshot));
    }
    report.added += await journal.addSynced(records, bodies);
    if (reachedMark || result.isDone) break;
    cursor = result.continueCursor;
  }
  // The mark moves up even when MAX_BACKUPS cut the pull short: one pull reads at most that many backups newer than
  // the last one, and the next pull starts from the newest again instead of reading the same pages forever.
  if (newest !== undefined) await writePullMark(workspace, newest);
  const left = report.notSnapshot + report.malformed + report.mismatched;
  if (report.malformed + report.mismatched > 0) {
    console.warn(
      `Savepoint: left out ${left} backups pulled for ${workspace}:`,
      `${report.mismatched} whose content does not match its hash, ${report.malformed} malformed`,
    );
  }
  onReport?.(report);
  return report.added;
}
