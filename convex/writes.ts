import { v, type Infer } from 'convex/values';
import { internal } from './_generated/api';
import { action } from './_generated/server';
import { countedForCaller } from './failedKeyChecks';
import { keyArgs } from './functions';
import { beginArgs, beginResultValidator, finishArgs } from './restores';
import {
  createResultValidator,
  deleteBackupArgs,
  newBackupFields,
  recordRestoreArgs,
  recordRestoreResultValidator,
  setPinnedArgs,
} from './settingsBackups';
import { markSyncErrorArgs, setRetentionArgs } from './workspaces';

// The extension's writes as actions, so that a failed key check is counted against the caller's IP (and an IP that
// spent its budget is refused) exactly as for reads and the HTTP API: a refused mutation rolls back, the count with
// it. Each runs one internal mutation, so a write stays one transaction (a retried `createBackup` with the same
// client id is still a duplicate), and a refusal's ConvexError reaches the client as the mutation threw it.

/** Stores a snapshot (`settingsBackups.createBackup`); retried with the same client id, a duplicate. */
export const createBackup = action({
  args: { ...keyArgs, ...newBackupFields },
  returns: createResultValidator,
  handler: async (ctx, args): Promise<Infer<typeof createResultValidator>> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.settingsBackups.createBackup, args)),
});

/** Records that syncing failed (`workspaces.markSyncError`). */
export const markSyncError = action({
  args: { ...keyArgs, ...markSyncErrorArgs },
  returns: v.null(),
  handler: async (ctx, args): Promise<null> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.workspaces.markSyncError, args)),
});

/** Pins or unpins a backup, audited (`settingsBackups.setPinned`); admin keys only. */
export const setPinned = action({
  args: { ...keyArgs, ...setPinnedArgs },
  returns: v.null(),
  handler: async (ctx, args): Promise<null> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.settingsBackups.setPinned, args)),
});

/** Deletes a backup, audited (`settingsBackups.deleteBackup`); admin keys only. */
export const deleteBackup = action({
  args: { ...keyArgs, ...deleteBackupArgs },
  returns: v.null(),
  handler: async (ctx, args): Promise<null> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.settingsBackups.deleteBackup, args)),
});

/** Audits a restore already performed and returns its backup (`settingsBackups.recordRestore`); admin keys only. */
export const recordRestore = action({
  args: { ...keyArgs, ...recordRestoreArgs },
  returns: recordRestoreResultValidator,
  handler: async (ctx, args): Promise<Infer<typeof recordRestoreResultValidator>> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.settingsBackups.recordRestore, args)),
});

/** Authorises a restore and audits it before it runs (`restores.begin`); admin keys only. */
export const beginRestore = action({
  args: { ...keyArgs, ...beginArgs },
  returns: beginResultValidator,
  handler: async (ctx, args): Promise<Infer<typeof beginResultValidator>> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.restores.begin, args)),
});

/** Records how a begun restore went (`restores.finish`); admin keys only. */
export const finishRestore = action({
  args: { ...keyArgs, ...finishArgs },
  returns: v.null(),
  handler: async (ctx, args): Promise<null> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.restores.finish, args)),
});

/** Sets the workspace's retention and prunes to it, audited (`workspaces.setRetention`); admin keys only. */
export const setRetention = action({
  args: { ...keyArgs, ...setRetentionArgs },
  returns: v.null(),
  handler: async (ctx, args): Promise<null> =>
    await countedForCaller(ctx, () => ctx.runMutation(internal.workspaces.setRetention, args)),
});
