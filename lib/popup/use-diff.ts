import { useEffect, useState } from 'react';
import type { Snapshot } from '../capture/snapshot';
import { diffSnapshots, type FieldChange } from '../diff/diff-snapshots';
import { reverseChanges } from '../diff/reverse-changes';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import { sendMessage } from '../messaging/send-message';
import { textsAsThePageShows } from '../restore/texts-as-the-page-shows';

/** What a backup is compared with: another backup of its section, the page as it is now, or nothing before it. */
export type DiffAgainst = { kind: 'backup'; id: string } | { kind: 'page' } | { kind: 'none' };

/** The backup of the same section captured just before `record` (records are newest first). */
export function previousOfSection(records: BackupRecord[], record: BackupRecord): BackupRecord | undefined {
  const index = records.findIndex((candidate) => candidate.id === record.id);
  return records.slice(index + 1).find((candidate) => candidate.type === record.type);
}

interface Result {
  key: string;
  changes: FieldChange[] | null;
  error: string | null;
}

function keyOf(record: BackupRecord, against: DiffAgainst): string {
  return `${record.id}:${against.kind === 'backup' ? against.id : against.kind}`;
}

/**
 * A field-by-field comparison of `record` with the previous backup of its section, then with whatever the user
 * picks. With `startAgainst` page (the review of changes made on the page since this backup), it starts with the
 * page, and reads that comparison from the backup to the page: what changed there since (`pageSince`). Otherwise
 * the page is the other side, as a restore of this backup would change it.
 */
export function useDiff(
  journal: Journal | null,
  records: BackupRecord[],
  tabId: number | null,
  record: BackupRecord,
  startAgainst: 'previous' | 'page' = 'previous',
) {
  const [against, setAgainst] = useState<DiffAgainst>(() => {
    if (startAgainst === 'page') return { kind: 'page' };
    const previous = previousOfSection(records, record);
    return previous ? { kind: 'backup', id: previous.id } : { kind: 'none' };
  });
  const pageSince = startAgainst === 'page';
  const [result, setResult] = useState<Result | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);

  useEffect(() => {
    if (!journal) return;
    let live = true;
    const key = keyOf(record, against);
    const load = async (): Promise<FieldChange[]> => {
      if (against.kind === 'page') {
        const preview = await sendMessage('restore:preview', {
          id: record.id,
          ...(tabId === null ? {} : { tabId }),
        });
        if (preview.comparedWith !== 'page' && preview.comparedWith !== 'server')
          throw new Error('This section is not on the page in this tab');
        return pageSince ? reverseChanges(preview.changes) : preview.changes;
      }
      // A drop-down's option texts in a backup made elsewhere are its writer's word: its values show as they are.
      const shown = (from: BackupRecord, snapshot: Snapshot | null) =>
        snapshot && !madeHere(from) ? textsAsThePageShows(snapshot, null) : snapshot;
      const after = shown(record, await journal.snapshotOf(record));
      if (!after) throw new Error('This backup has no stored settings');
      const other = against.kind === 'backup' ? await journal.get(against.id) : undefined;
      const before = other ? shown(other, await journal.snapshotOf(other)) : null;
      // Secrets' hashes compare only between two backups this device made (each device salts its own).
      return diffSnapshots(before, after, {
        secretsComparable: madeHere(record) && (!other || madeHere(other)),
      });
    };
    load().then(
      (changes) => live && setResult({ key, changes, error: null }),
      (error: unknown) => live && setResult({ key, changes: null, error: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [journal, record, against, tabId, pageSince]);

  const current = result && result.key === keyOf(record, against) ? result : null;
  return {
    against,
    /** The page comparison reads from this backup to the page now: the review of what changed there since. */
    pageSince,
    /** Other backups of the same section, newest first, to compare with. */
    candidates: records.filter((other) => other.type === record.type && other.id !== record.id),
    changes: current?.changes ?? null,
    error: current?.error ?? null,
    loading: !current,
    showUnchanged,
    setShowUnchanged,
    setAgainst,
  };
}
