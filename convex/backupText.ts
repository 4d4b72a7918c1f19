// Where a backup row's text lives: inline in `data`, or split into `backupChunks` when large.
import type { Doc } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';

/** (bytes, UTF-8) Largest `data` kept inline, and largest chunk: far below Convex's 1 MiB per document. */
export const CHUNK_MAX_BYTES = 500_000;

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

/** The text a row stores (whole data or a delta), reassembled from its chunks when needed. */
export async function storedText(ctx: QueryCtx, doc: Doc<'settingsBackups'>): Promise<string> {
  if (doc.chunkCount === 0) return doc.data;
  const chunks = await ctx.db
    .query('backupChunks')
    .withIndex('by_backupId_and_index', (q) => q.eq('backupId', doc._id))
    .take(doc.chunkCount);
  return chunks.map((chunk) => chunk.data).join('');
}

/** Deletes a row's chunks. */
export async function deleteChunks(ctx: MutationCtx, doc: Doc<'settingsBackups'>): Promise<void> {
  const chunks = await ctx.db
    .query('backupChunks')
    .withIndex('by_backupId_and_index', (q) => q.eq('backupId', doc._id))
    .take(doc.chunkCount);
  for (const chunk of chunks) await ctx.db.delete(chunk._id);
}

/** Stores `text` as a row's data, inline or in chunks, with the other changes in `patch`. */
export async function writeText(
  ctx: MutationCtx,
  doc: Doc<'settingsBackups'>,
  text: string,
  patch: Partial<Pick<Doc<'settingsBackups'>, 'baseId' | 'runHops' | 'runBytes'>>,
): Promise<void> {
  await deleteChunks(ctx, doc);
  if (utf8Size(text) <= CHUNK_MAX_BYTES) {
    await ctx.db.patch(doc._id, { ...patch, data: text, chunkCount: 0 });
    return;
  }
  const pieces = splitUtf8(text, CHUNK_MAX_BYTES);
  await ctx.db.patch(doc._id, { ...patch, data: '', chunkCount: pieces.length });
  for (const [index, data] of pieces.entries())
    await ctx.db.insert('backupChunks', { backupId: doc._id, index, data });
}
