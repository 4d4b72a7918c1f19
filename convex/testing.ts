import { v } from 'convex/values';
import { internalQuery } from './_generated/server';
import { readBackups } from './backupStore';
import { backupValidator } from './schema';
import { findWorkspace } from './workspaceRow';

/** Every backup of a workspace, newest first: for the local test server's control API and operators. */
export const allBackups = internalQuery({
  args: { workspace: v.string() },
  returns: v.array(backupValidator),
  handler: async (ctx, { workspace }) => {
    const docs = await ctx.db
      .query('settingsBackups')
      .withIndex('by_workspace_and_createdAt', (q) => q.eq('workspace', workspace))
      .order('desc')
      .collect();
    return await readBackups(ctx, docs);
  },
});

/** The raw workspace row (sync status, retention), or null. */
export const workspaceRow = internalQuery({
  args: { workspace: v.string() },
  returns: v.union(
    v.object({
      slug: v.string(),
      lastSettingsSync: v.optional(v.number()),
      settingsSyncStatus: v.optional(v.string()),
      settingsSyncError: v.optional(v.string()),
      retention: v.optional(v.number()),
    }),
    v.null(),
  ),
  handler: async (ctx, { workspace }) => {
    const row = await findWorkspace(ctx, workspace);
    if (row === null) return null;
    const { _id, _creationTime, ...fields } = row;
    return fields;
  },
});
