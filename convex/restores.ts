import { v } from 'convex/values';
import { findBackup } from './backupStore';
import { appError } from './errors';
import { internalAdminMutationFor } from './functions';
import { checkedName, checkText, MAX_NAME_CHARS, MAX_REPORT_CHARS } from './limits';
import { restoreResultValidator } from './schema';

/** Arguments of `begin` besides the access key and workspace. */
export const beginArgs = { clientBackupId: v.string(), device: v.optional(v.string()) };

/** What `begin` returns: the audit entry `finish` completes. */
export const beginResultValidator = v.object({ restoreId: v.id('auditLog') });

/** Arguments of `finish` besides the access key and workspace. */
export const finishArgs = { restoreId: v.id('auditLog'), result: restoreResultValidator, report: v.string() };

/**
 * Authorises a restore and writes its audit entry before it runs: the extension applies a backup only after this
 * succeeded. Admin keys only (a capture key is refused with FORBIDDEN). The backup may still be in the extension's
 * outbox, so its client id is recorded either way. Returns the id to pass to `finish`. Clients call both through
 * `writes:beginRestore` and `writes:finishRestore`, which count a wrong key against the caller's IP.
 */
export const begin = internalAdminMutationFor('Restoring')({
  args: beginArgs,
  returns: beginResultValidator,
  handler: async (ctx, { clientBackupId, device: claimed }) => {
    checkText('clientBackupId', clientBackupId, MAX_NAME_CHARS, true);
    const device = checkedName('device', claimed);
    const backup = await findBackup(ctx, ctx.key.workspace, clientBackupId);
    const restoreId = await ctx.db.insert('auditLog', {
      workspace: ctx.key.workspace,
      action: 'restore',
      clientBackupId,
      keyLabel: ctx.key.label,
      at: Date.now(),
      ...(backup === null ? {} : { backupId: backup._id }),
      ...(device === undefined ? {} : { device }),
    });
    return { restoreId };
  },
});

/** Records how a begun restore went (once): its result and field report, on the audit entry `begin` wrote. */
export const finish = internalAdminMutationFor('Recording a restore')({
  args: finishArgs,
  returns: v.null(),
  handler: async (ctx, { restoreId, result, report }) => {
    checkText('report', report, MAX_REPORT_CHARS);
    const entry = await ctx.db.get(restoreId);
    if (entry === null || entry.workspace !== ctx.key.workspace || entry.action !== 'restore') {
      throw appError('NOT_FOUND', 'No such restore in this workspace');
    }
    if (entry.finishedAt !== undefined) throw appError('INVALID', 'This restore was already recorded');
    await ctx.db.patch(restoreId, { result, report, finishedAt: Date.now() });
    return null;
  },
});
