import { paginationOptsValidator } from 'convex/server';
import { adminQuery } from './functions';
import { MAX_PAGE_SIZE } from './limits';
import { auditEntryValidator, pageValidator } from './schema';

/** The workspace's audit log, newest first; at most 100 entries per page. */
export const listAudit = adminQuery({
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
