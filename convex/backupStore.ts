import type { Doc, Id } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';
import type { Backup } from './schema';

/** (bytes, UTF-8) Largest `data` kept inline, and largest chunk: far below Convex's 1 MiB per document. */
export const CHUNK_MAX_BYTES = 500_000;

type NewBackup = Omit<Doc<'settingsBackups'>, '_id' | '_creationTime' | 'chunkCount'>;

/** UTF-8 size of a string in bytes, without allocating its encoding. */
export function utf8Size(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += utf8Width(text, i);
  return bytes;
}

/** Bytes of the UTF-16 unit at `i` in UTF-8; a surrogate pair is counted 4 on its high half and 0 on its low. */
function utf8Width(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff) return 4;
  if (unit >= 0xdc00 && unit <= 0xdfff) return 0;
  return 3;
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes without cutting a surrogate pair in two. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const width = utf8Width(text, i);
    if (bytes + width > maxBytes && i > start) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    // Keep a low surrogate with its high half (its width is already counted).
    if (width === 4 && i + 1 < text.length) i++;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** Inserts a backup, splitting large data into `backupChunks` in the same transaction. */
export async function insertBackup(ctx: MutationCtx, backup: NewBackup): Promise<Id<'settingsBackups'>> {
  if (backup.size <= CHUNK_MAX_BYTES)
    return await ctx.db.insert('settingsBackups', { ...backup, chunkCount: 0 });
  const pieces = splitUtf8(backup.data, CHUNK_MAX_BYTES);
  const id = await ctx.db.insert('settingsBackups', { ...backup, data: '', chunkCount: pieces.length });
  for (const [index, data] of pieces.entries())
    await ctx.db.insert('backupChunks', { backupId: id, index, data });
  return id;
}

/** The backup as clients see it, with chunked data reassembled. */
export async function readBackup(ctx: QueryCtx, doc: Doc<'settingsBackups'>): Promise<Backup> {
  let data = doc.data;
  if (doc.chunkCount > 0) {
    const chunks = await ctx.db
      .query('backupChunks')
      .withIndex('by_backupId_and_index', (q) => q.eq('backupId', doc._id))
      .take(doc.chunkCount);
    data = chunks.map((chunk) => chunk.data).join('');
  }
  const { _id, _creationTime, chunkCount: _chunkCount, ...fields } = doc;
  return { ...fields, id: _id, data };
}

/** Deletes a backup and its chunks. */
export async function removeBackup(ctx: MutationCtx, doc: Doc<'settingsBackups'>): Promise<void> {
  const chunks = await ctx.db
    .query('backupChunks')
    .withIndex('by_backupId_and_index', (q) => q.eq('backupId', doc._id))
    .take(doc.chunkCount);
  for (const chunk of chunks) await ctx.db.delete(chunk._id);
  await ctx.db.delete(doc._id);
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
