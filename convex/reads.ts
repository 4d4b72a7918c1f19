import { paginationOptsValidator } from 'convex/server';
import { v, type Infer } from 'convex/values';
import { internal } from './_generated/api';
import { action, internalQuery } from './_generated/server';
import { authenticate } from './access';
import type { BackupPage } from './backupPages';
import { changesValidator } from './audit';
import { countedForCaller } from './failedKeyChecks';
import {
  backupValidator,
  keyIdentityValidator,
  pageValidator,
  type Backup,
  type KeyIdentity,
} from './schema';

// The extension's reads as actions, so that a failed key check is counted against the caller's IP (and an IP
// that spent its budget is refused) exactly as for writes and the HTTP API: a query alone cannot record it.

/** `reads:whoami`'s key check, with the caller's IP. */
export const whoamiForIp = internalQuery({
  args: { accessKey: v.string(), workspace: v.optional(v.string()), ip: v.union(v.string(), v.null()) },
  returns: keyIdentityValidator,
  handler: async (ctx, args) => {
    const key = await authenticate(ctx.db, { ...args, role: 'capture' });
    return { workspace: key.workspace, workspaces: key.workspaces, role: key.role, label: key.label };
  },
});

/** The workspace, role and label of a key (the options page's "Test connection"); failed checks count. */
export const whoami = action({
  args: { accessKey: v.string(), workspace: v.optional(v.string()) },
  returns: keyIdentityValidator,
  handler: async (ctx, args): Promise<KeyIdentity> => {
    return await countedForCaller(ctx, (ip) => ctx.runQuery(internal.reads.whoamiForIp, { ...args, ip }));
  },
});

/**
 * Backups newest first (of one section when `type` is given), at most 100 and 4 MiB per page (a page cut short is
 * not done); failed checks count.
 */
export const listBackups = action({
  args: {
    accessKey: v.string(),
    workspace: v.string(),
    type: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: pageValidator(backupValidator),
  handler: async (ctx, args): Promise<BackupPage> => {
    return await countedForCaller(ctx, (ip) => ctx.runQuery(internal.httpBackups.list, { ...args, ip }));
  },
});

/** The newest backup of a section, or null; failed checks count. */
export const getLatestBackup = action({
  args: { accessKey: v.string(), workspace: v.string(), type: v.string() },
  returns: v.union(backupValidator, v.null()),
  handler: async (ctx, args): Promise<Backup | null> => {
    return await countedForCaller(ctx, (ip) => ctx.runQuery(internal.httpBackups.latest, { ...args, ip }));
  },
});

/** Pins, unpins, deletes, restores and retention changes of a workspace after `after`; failed checks count. */
export const listChanges = action({
  args: { accessKey: v.string(), workspace: v.string(), after: v.number() },
  returns: changesValidator,
  handler: async (ctx, args): Promise<Infer<typeof changesValidator>> => {
    return await countedForCaller(ctx, (ip) => ctx.runQuery(internal.audit.changesSince, { ...args, ip }));
  },
});
