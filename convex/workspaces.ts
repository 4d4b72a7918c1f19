import { v } from 'convex/values';
import { ensureWorkspace, findWorkspace } from './workspaceRow';
import { appError } from './errors';
import { internalAdminMutationFor, internalCaptureMutation, internalCaptureQuery } from './functions';
import { internal } from './_generated/api';
import { checkedName, checkText, MAX_NOTE_CHARS, MAX_RETENTION } from './limits';
import { syncStatusViewValidator } from './schema';

/** When the workspace's settings last reached Convex, and whether the last attempt failed. */
export const getSyncStatus = internalCaptureQuery({
  args: {},
  returns: syncStatusViewValidator,
  handler: async (ctx) => {
    const row = await findWorkspace(ctx, ctx.key.workspace);
    return {
      workspace: ctx.key.workspace,
      lastSettingsSync: row?.lastSettingsSync ?? null,
      settingsSyncStatus: row?.settingsSyncStatus ?? null,
      settingsSyncError: row?.settingsSyncError ?? null,
    };
  },
});

/** Arguments of `markSyncError` besides the access key and workspace. */
export const markSyncErrorArgs = { error: v.string() };

/** Arguments of `setRetention` besides the access key and workspace. */
export const setRetentionArgs = { retention: v.number(), device: v.optional(v.string()) };

/** Records that syncing failed (status `error`); the time of the last good sync is kept. */
export const markSyncError = internalCaptureMutation({
  args: markSyncErrorArgs,
  returns: v.null(),
  handler: async (ctx, { error }) => {
    checkText('error', error, MAX_NOTE_CHARS);
    const row = await ensureWorkspace(ctx, ctx.key.workspace);
    await ctx.db.patch(row._id, { settingsSyncStatus: 'error', settingsSyncError: error });
    return null;
  },
});

/** Sets how many backups per section the workspace keeps besides pinned ones; prunes every section now. */
export const setRetention = internalAdminMutationFor('Changing the retention')({
  args: setRetentionArgs,
  returns: v.null(),
  handler: async (ctx, { retention, device: claimed }) => {
    const device = checkedName('device', claimed);
    if (!Number.isInteger(retention) || retention < 1 || retention > MAX_RETENTION) {
      throw appError('INVALID', `retention must be a whole number from 1 to ${MAX_RETENTION}`);
    }
    const row = await ensureWorkspace(ctx, ctx.key.workspace);
    await ctx.db.patch(row._id, { retention });
    // Every device follows it after its next pull (`reads:listChanges`), and the audit says who set it.
    await ctx.db.insert('auditLog', {
      workspace: ctx.key.workspace,
      action: 'retention',
      keyLabel: ctx.key.label,
      device,
      report: `Keep ${retention} backups per section besides pinned ones`,
      at: Date.now(),
    });
    await ctx.scheduler.runAfter(0, internal.settingsBackups.pruneWorkspace, {
      workspace: ctx.key.workspace,
    });
    return null;
  },
});
