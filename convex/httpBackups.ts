import { paginationOptsValidator } from 'convex/server';
import { v } from 'convex/values';
import { internalCaptureMutation, internalCaptureQuery } from './functions';
import { backupValidator, pageValidator } from './schema';
import { latestBackup, newBackupFields, pageOfBackups, storeNewBackup } from './settingsBackups';

/** `POST /settings-backup`: the same write as `settingsBackups:createBackup`, for a key sent as a Bearer token. */
export const create = internalCaptureMutation({
  args: newBackupFields,
  returns: v.object({ id: v.id('settingsBackups'), duplicate: v.boolean() }),
  handler: async (ctx, args) => await storeNewBackup(ctx, ctx.key.workspace, args),
});

/** `GET /settings-backups`. */
export const list = internalCaptureQuery({
  args: { type: v.optional(v.string()), paginationOpts: paginationOptsValidator },
  returns: pageValidator(backupValidator),
  handler: async (ctx, { type, paginationOpts }) =>
    await pageOfBackups(ctx, ctx.key.workspace, type, paginationOpts),
});

/** `GET /settings-backups/latest`. */
export const latest = internalCaptureQuery({
  args: { type: v.string() },
  returns: v.union(backupValidator, v.null()),
  handler: async (ctx, { type }) => await latestBackup(ctx, ctx.key.workspace, type),
});
