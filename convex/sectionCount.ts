// What a section holds, counted: retention reads a section's backups to judge them, and a section with no more
// backups than its retention has nothing to remove. The count exists once a retention call has judged the whole
// section in one pass; from then on every backup stored (insertBackup) and removed (removeBackup) keeps it.
import { pruneSlack } from '../lib/journal/prune-slack';
import type { Doc } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';

/** The section's count, or null when retention has not counted it yet. */
export async function findSectionCount(
  ctx: QueryCtx,
  workspace: string,
  type: string,
): Promise<Doc<'sectionCounts'> | null> {
  return await ctx.db
    .query('sectionCounts')
    .withIndex('by_workspace_and_type', (q) => q.eq('workspace', workspace).eq('type', type))
    .unique();
}

/**
 * Adds `change` (+1 for a backup stored, −1 for one removed) to a section's count, where it has one. A removal lowers
 * what the last judging kept too: a deleted backup (another key's, a pinned one) makes no room beyond the retention.
 */
export async function countBackups(
  ctx: MutationCtx,
  workspace: string,
  type: string,
  change: number,
): Promise<void> {
  const counted = await findSectionCount(ctx, workspace, type);
  if (counted === null) return;
  await ctx.db.patch(counted._id, {
    backups: counted.backups + change,
    ...(change < 0 ? { kept: Math.max(0, counted.kept + change) } : {}),
  });
}

/** Records what a retention call that judged all of a section by retention `keep` left: `kept` backups. */
export async function setSectionCount(
  ctx: MutationCtx,
  workspace: string,
  type: string,
  keep: number,
  kept: number,
): Promise<void> {
  const counted = await findSectionCount(ctx, workspace, type);
  const fields = { backups: kept, judgedBy: keep, kept };
  if (counted === null) await ctx.db.insert('sectionCounts', { workspace, type, ...fields });
  else await ctx.db.patch(counted._id, fields);
}

/**
 * Whether retention `keep` may have anything to remove from a section. Not while it holds no more than `keep`, or
 * than its last judging by the same retention kept (its pinned backups, the newest from before an hour, a day and a
 * week), plus 1 % (prune-slack.ts, as each device's journal does): a section at its retention is then read once in
 * `slack + 1` backups, not after each.
 */
export async function mayExceed(
  ctx: QueryCtx,
  workspace: string,
  type: string,
  keep: number,
): Promise<boolean> {
  const counted = await findSectionCount(ctx, workspace, type);
  if (counted === null) return true;
  const floor = counted.judgedBy === keep ? Math.max(keep, counted.kept) : keep;
  return counted.backups > floor + pruneSlack(keep);
}
