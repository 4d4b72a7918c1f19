import type { Doc } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';

/** The workspace row with this slug, or null. */
export async function findWorkspace(ctx: QueryCtx, slug: string): Promise<Doc<'workspaces'> | null> {
  return await ctx.db
    .query('workspaces')
    .withIndex('by_slug', (q) => q.eq('slug', slug))
    .unique();
}

/** The workspace row with this slug, created empty when missing. */
export async function ensureWorkspace(ctx: MutationCtx, slug: string): Promise<Doc<'workspaces'>> {
  const existing = await findWorkspace(ctx, slug);
  if (existing !== null) return existing;
  const id = await ctx.db.insert('workspaces', { slug });
  const created = await ctx.db.get(id);
  if (created === null) throw new Error(`Workspace ${slug} vanished while being created`);
  return created;
}

/** Counts `count` backups removed from the workspace (see `backupsRemoved`); returns the new total. */
export async function countRemoved(ctx: MutationCtx, row: Doc<'workspaces'>, count: number): Promise<number> {
  const total = (row.backupsRemoved ?? 0) + count;
  await ctx.db.patch(row._id, { backupsRemoved: total });
  return total;
}
