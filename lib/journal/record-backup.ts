import type { Snapshot } from '../capture/snapshot';
import { countChanges } from '../diff/diff-snapshots';
import type { BackupRecord, NewBackup } from './backup-record';
import { planDelta, putWhole, releaseBody } from './body-writes';
import type { createSectionSizes } from './create-section-sizes';
import { encodeDelta } from './encode-delta';
import { madeHere } from './made-here';
import { newBackupRecord } from './new-backup-record';
import { isDeltaBody, type JournalDb } from './open-journal';
import { readSnapshot } from './read-snapshot';
import { sectionNewest } from './section-newest';
import { STRICT } from './strict';

export interface RecordResult {
  record: BackupRecord;
  /** False when the snapshot equals the latest backup of its section, so no new backup was made. */
  added: boolean;
}

/**
 * Adds a backup unless it repeats the section's latest content (manual captures always add; `dedupe: false` adds
 * it anyway, for a backup that was already judged new when it was made, such as a held one). `syncedAt` records it
 * as already in Convex (a held backup sent from the hold), so the outbox does not send it again.
 */
export async function recordBackup(
  db: JournalDb,
  sizes: ReturnType<typeof createSectionSizes>,
  input: NewBackup,
  { dedupe = true, syncedAt }: { dedupe?: boolean; syncedAt?: number } = {},
): Promise<RecordResult> {
  const { snapshot } = input;
  // Two transactions: one over both stores took 4.9 ms against 3.4 (medians of 60 saves).
  // This backup itself, pulled back from Convex while it waited in the hold: compare with the one before it.
  const [previous] = await sectionNewest(db, input.workspace, snapshot.type, 1, (r) => r.id !== input.id);
  if (dedupe && previous && previous.contentHash === input.contentHash && input.source === 'auto') {
    return { record: previous, added: false };
  }
  const data = JSON.stringify(snapshot);
  const previousBody = previous ? await db.get('bodies', previous.contentHash) : undefined;
  let previousSnapshot: Snapshot | null = null;
  let plan = null;
  if (previous && previousBody && !isDeltaBody(previousBody)) {
    previousSnapshot = JSON.parse(previousBody.data) as Snapshot;
    // The section's newest body is kept whole; the one before it becomes the delta from the new one to it.
    if (previous.contentHash !== input.contentHash)
      plan = await planDelta(previous.contentHash, previousBody.data, input.contentHash, JSON.parse(data));
  } else if (previous) {
    previousSnapshot = await readSnapshot(db, previous.contentHash).catch(() => null);
  }
  const record = newBackupRecord(
    input,
    new TextEncoder().encode(data).byteLength,
    // A backup pulled before this one hashed its secrets with another device's salt.
    countChanges(previousSnapshot, snapshot, { secretsComparable: !previous || madeHere(previous) }),
    syncedAt,
  );
  const tx = db.transaction(['backups', 'bodies'], 'readwrite', STRICT);
  const existing = await tx.objectStore('backups').get(record.id);
  // Sent to Convex from the hold (`syncedAt`) and pulled back as another device's before it got here: it is this
  // device's own, and takes that place, with what Convex said of it (pins, the writing key).
  const pulledBack = existing?.outbox === 'remote' && syncedAt !== undefined;
  if (existing && !pulledBack) {
    await tx.done;
    return { record: existing, added: false };
  }
  const stored: BackupRecord = existing
    ? {
        ...record,
        pinned: existing.pinned,
        ...(existing.pinnedBy ? { pinnedBy: existing.pinnedBy } : {}),
        ...(existing.keyLabel ? { keyLabel: existing.keyLabel } : {}),
        ...(existing.serverId ? { serverId: existing.serverId } : {}),
      }
    : record;
  // This device's own body wins: one pulled or imported earlier under the same hash agrees on what the hash covers,
  // but not necessarily on the rest (page URL, locators), which a restore also uses.
  await putWhole(tx.objectStore('bodies'), input.contentHash, data);
  await tx.objectStore('backups').put(stored);
  // The pulled copy's body, if no other backup uses it.
  if (existing && existing.contentHash !== stored.contentHash) {
    const users = await tx.objectStore('backups').index('by_contentHash').count(existing.contentHash);
    if (users === 0) await releaseBody(tx.objectStore('bodies'), existing.contentHash);
  }
  await tx.done;
  if (!existing) sizes.resize(input.workspace, snapshot.type, 1);
  // The backup is durable; only then does the one before it become a delta on it, in a transaction of its own: that
  // saves space, not data, and in the backup's own transaction it held the backup's commit back (four more reads and
  // writes), or lost the backup with it when it failed (storage full).
  if (plan) await encodeDelta(db, plan);
  return { record: stored, added: true };
}
