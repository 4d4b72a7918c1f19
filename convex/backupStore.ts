import type { Doc, Id } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';
import { foldDependants, storeAsDelta, wholeData, type RebuildCache } from './backupDeltas';
import { CHUNK_MAX_BYTES, deleteChunks, splitUtf8 } from './backupText';
import { countBackups } from './sectionCount';
import type { Backup } from './schema';

export { CHUNK_MAX_BYTES, splitUtf8, utf8Size } from './backupText';
export type { RebuildCache } from './backupDeltas';

type NewBackup = Omit<Doc<'settingsBackups'>, '_id' | '_creationTime' | 'chunkCount'>;

/**
 * Inserts a backup whole, splitting large data into `backupChunks` in the same transaction, and stores the
 * section's previous newest backup as a delta on it (see backupDeltas.ts).
 */
export async function insertBackup(ctx: MutationCtx, backup: NewBackup): Promise<Id<'settingsBackups'>> {
  const previous = await ctx.db
    .query('settingsBackups')
    .withIndex('by_workspace_and_type_and_createdAt', (q) =>
      q.eq('workspace', backup.workspace).eq('type', backup.type),
    )
    .order('desc')
    .first();
  let id: Id<'settingsBackups'>;
  if (backup.size <= CHUNK_MAX_BYTES) {
    id = await ctx.db.insert('settingsBackups', { ...backup, chunkCount: 0 });
  } else {
    const pieces = splitUtf8(backup.data, CHUNK_MAX_BYTES);
    id = await ctx.db.insert('settingsBackups', { ...backup, data: '', chunkCount: pieces.length });
    for (const [index, data] of pieces.entries())
      await ctx.db.insert('backupChunks', { backupId: id, index, data });
  }
  if (previous !== null) await storeAsDelta(ctx, previous, id, backup.data);
  await countBackups(ctx, backup.workspace, backup.type, 1);
  return id;
}

/**
 * The backup as clients see it, with whole data: reassembled from chunks and rebuilt from the newer backups it is
 * stored as a delta on. Pass one `cache` for the backups of one page, read newest first.
 */
export async function readBackup(
  ctx: QueryCtx,
  doc: Doc<'settingsBackups'>,
  cache?: RebuildCache,
): Promise<Backup> {
  const data = await wholeData(ctx, doc, cache);
  const {
    _id,
    _creationTime,
    chunkCount: _chunkCount,
    baseId: _baseId,
    runHops: _runHops,
    runBytes: _runBytes,
    keyId: _keyId,
    ...fields
  } = doc;
  return { ...fields, id: _id, data };
}

/** Reads backups one after the other with one cache, so each rebuilds from the one read before it. */
export async function readBackups(ctx: QueryCtx, docs: Doc<'settingsBackups'>[]): Promise<Backup[]> {
  const cache: RebuildCache = new Map();
  const backups: Backup[] = [];
  for (const doc of docs) backups.push(await readBackup(ctx, doc, cache));
  return backups;
}

/** Deletes a backup and its chunks; a backup stored as a delta on it is folded first. */
export async function removeBackup(ctx: MutationCtx, doc: Doc<'settingsBackups'>): Promise<void> {
  await foldDependants(ctx, doc);
  await deleteChunks(ctx, doc);
  await ctx.db.delete(doc._id);
  await countBackups(ctx, doc.workspace, doc.type, -1);
}

/** The backup a client knows by its own id, or null. */
export async function findBackup(
  ctx: QueryCtx,
  workspace: string,
  clientBackupId: string,
): Promise<Doc<'settingsBackups'> | null> {
  return await ctx.db
    .query('settingsBackups')
    .withIndex('by_workspace_and_clientBackupId', (q) =>
      q.eq('workspace', workspace).eq('clientBackupId', clientBackupId),
    )
    .unique();
}
