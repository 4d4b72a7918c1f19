// Pages of backups, newest first, bounded in bytes as well as in count: a backup may hold up to 8 MiB, so a page of
// a hundred could pass what one Convex function may read. `paginate()`'s `maximumBytesRead` would not do: it counts
// the backup rows, while the data of large backups lives in `backupChunks` and in the rows deltas rest on. Pages
// therefore end by the backups' own sizes, at a cursor of our own: the position of the last backup in the index.
import type { paginationOptsValidator } from 'convex/server';
import type { Infer } from 'convex/values';
import type { Doc } from './_generated/dataModel';
import type { QueryCtx } from './_generated/server';
import { readBackups } from './backupStore';
import { appError } from './errors';
import { MAX_PAGE_BYTES, MAX_PAGE_SIZE } from './limits';
import type { Backup } from './schema';

/** One page of backups, shaped as Convex's own pages so that clients page through it the same way. */
export type BackupPage = { page: Backup[]; isDone: boolean; continueCursor: string };

/**
 * Where a page ended in index order (newest first): the last backup's `createdAt` and `_creationTime`, which tells
 * apart backups stored in one millisecond (Convex keeps a table's creation times strictly increasing).
 */
type Position = { createdAt: number; creationTime: number };

const CURSOR_PREFIX = 'b1:';

function cursorOf(doc: Doc<'settingsBackups'>): string {
  return `${CURSOR_PREFIX}${doc.createdAt}:${doc._creationTime}`;
}

function parseCursor(cursor: string | null): Position | null {
  if (cursor === null || cursor === '') return null;
  const [createdAt, creationTime, extra] = cursor.startsWith(CURSOR_PREFIX)
    ? cursor.slice(CURSOR_PREFIX.length).split(':').map(Number)
    : [];
  if (createdAt === undefined || creationTime === undefined || extra !== undefined) {
    throw appError('INVALID', 'cursor must be a continueCursor of an earlier page');
  }
  if (!Number.isFinite(createdAt) || !Number.isFinite(creationTime)) {
    throw appError('INVALID', 'cursor must be a continueCursor of an earlier page');
  }
  return { createdAt, creationTime };
}

/** Whether `doc` comes at or before `position` newest first, so an earlier page already listed it. */
function listedBefore(doc: Doc<'settingsBackups'>, position: Position): boolean {
  return doc.createdAt === position.createdAt && doc._creationTime >= position.creationTime;
}

/**
 * One page of a workspace's backups (of one section when `type` is given), newest first: at most `numItems` (up to
 * 100) and, past the first backup, at most `MAX_PAGE_BYTES` of whole data. A page cut short by bytes is not done;
 * its `continueCursor` leads to the next backup.
 */
export async function pageOfBackups(
  ctx: QueryCtx,
  workspace: string,
  type: string | undefined,
  paginationOpts: Infer<typeof paginationOptsValidator>,
): Promise<BackupPage> {
  const numItems = Math.max(1, Math.min(Math.floor(paginationOpts.numItems), MAX_PAGE_SIZE));
  const after = parseCursor(paginationOpts.cursor);
  const table = ctx.db.query('settingsBackups');
  const query =
    type === undefined
      ? table.withIndex('by_workspace_and_createdAt', (q) => {
          const range = q.eq('workspace', workspace);
          return after === null ? range : range.lte('createdAt', after.createdAt);
        })
      : table.withIndex('by_workspace_and_type_and_createdAt', (q) => {
          const range = q.eq('workspace', workspace).eq('type', type);
          return after === null ? range : range.lte('createdAt', after.createdAt);
        });
  const docs: Doc<'settingsBackups'>[] = [];
  let bytes = 0;
  let isDone = true;
  for await (const doc of query.order('desc')) {
    if (after !== null && listedBefore(doc, after)) continue;
    if (docs.length > 0 && bytes + doc.size > MAX_PAGE_BYTES) {
      isDone = false;
      break;
    }
    docs.push(doc);
    bytes += doc.size;
    // A full page stops without reading on (as Convex's own pages do): it is not done, the next may be empty.
    if (docs.length >= numItems) {
      isDone = false;
      break;
    }
  }
  const last = docs.at(-1);
  const continueCursor = last === undefined ? (paginationOpts.cursor ?? '') : cursorOf(last);
  return { page: await readBackups(ctx, docs), isDone, continueCursor };
}
