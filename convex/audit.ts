import { paginationOptsValidator } from 'convex/server';
import { v } from 'convex/values';
import { internalAdminQuery, internalCaptureQuery } from './functions';
import { DEFAULT_RETENTION, MAX_PAGE_SIZE } from './limits';
import { auditEntryValidator, pageValidator, roleValidator } from './schema';
import { findWorkspace } from './workspaceRow';

/** The workspace's audit log, newest first; at most 100 entries per page. */
export const listAudit = internalAdminQuery({
  args: { paginationOpts: paginationOptsValidator },
  returns: pageValidator(auditEntryValidator),
  handler: async (ctx, { paginationOpts }) => {
    const numItems = Math.max(1, Math.min(Math.floor(paginationOpts.numItems), MAX_PAGE_SIZE));
    const result = await ctx.db
      .query('auditLog')
      .withIndex('by_workspace_and_at', (q) => q.eq('workspace', ctx.key.workspace))
      .order('desc')
      .paginate({ ...paginationOpts, numItems });
    const page = result.page.map(({ _id, _creationTime, ...entry }) => ({ ...entry, id: _id }));
    return { page, isDone: result.isDone, continueCursor: result.continueCursor };
  },
});

/** What changed in a workspace after a time: audit entries oldest first, and the retention in force. */
export const changesValidator = v.object({
  entries: v.array(auditEntryValidator),
  /** True when more entries follow the last one returned (ask again with its `at`). */
  more: v.boolean(),
  /** Backups kept per section besides pinned ones, as the workspace's admins set it. */
  retention: v.number(),
  /** Whether an admin set the retention (else it is the server's default). */
  retentionSet: v.boolean(),
  /** The asking key's role and label, so a device shows admin actions as read-only for a capture key. */
  key: v.object({ role: roleValidator, label: v.string() }),
});

/**
 * `reads:listChanges`'s read: the workspace's pins, unpins, deletes, restores and retention changes after `after`
 * (ms), oldest first, at most 100, so every device can follow what admins did on others. Any key of the workspace
 * may read it: a capture key's history shows the same pins and the same audit.
 */
export const changesSince = internalCaptureQuery({
  args: { after: v.number() },
  returns: changesValidator,
  handler: async (ctx, { after }) => {
    const rows = await ctx.db
      .query('auditLog')
      .withIndex('by_workspace_and_at', (q) => q.eq('workspace', ctx.key.workspace).gt('at', after))
      .order('asc')
      .take(MAX_PAGE_SIZE + 1);
    const more = rows.length > MAX_PAGE_SIZE;
    let kept = rows.slice(0, MAX_PAGE_SIZE);
    // The next read starts after the last entry's time: entries sharing it wait for that read, unless they fill
    // the whole page (then the rest of that millisecond is skipped; a hundred audit entries in 1 ms is not a thing).
    const lastAt = kept[kept.length - 1]?.at;
    if (more && kept.some((row) => row.at !== lastAt)) kept = kept.filter((row) => row.at !== lastAt);
    const entries = kept.map(({ _id, _creationTime, ...entry }) => ({ ...entry, id: _id }));
    const row = await findWorkspace(ctx, ctx.key.workspace);
    return {
      entries,
      more,
      retention: row?.retention ?? DEFAULT_RETENTION,
      retentionSet: row?.retention !== undefined,
      key: { role: ctx.key.role, label: ctx.key.label },
    };
  },
});
