import { paginationOptsValidator } from 'convex/server';
import { v } from 'convex/values';
import { internalQuery } from './_generated/server';
import { authenticate } from './access';
import { pageOfBackups } from './backupPages';
import { internalCaptureMutation, internalCaptureQuery } from './functions';
import { backupValidator, pageValidator } from './schema';
import { apiBackupFields, createResultValidator, latestBackup, storeApiBackup } from './settingsBackups';

/** The key check every route makes first, before it reads the body or the query string (401/403 before 400). */
export const checkKey = internalQuery({
  args: { accessKey: v.string(), ip: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, args) => {
    await authenticate(ctx.db, { ...args, role: 'capture' });
    return null;
  },
});

/** `POST /settings-backup`: the caller's JSON as data, marked `api`; retried with the same client id, a duplicate. */
export const create = internalCaptureMutation({
  args: apiBackupFields,
  returns: createResultValidator,
  handler: async (ctx, args) => await storeApiBackup(ctx, ctx.key, args),
});

/** `GET /settings-backups`: a page ends early, not done, once its backups reach `MAX_PAGE_BYTES`. */
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
