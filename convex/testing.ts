// Reads for the local test server (tests/support/convex-local-*) and the Convex tests. They are internal, and they
// also refuse to run unless the deployment sets SAVEPOINT_TEST_FUNCTIONS=1, which no real deployment does: an
// operator who runs one by mistake gets a refusal, not every backup of a workspace.
import { v } from 'convex/values';
import { internalQuery } from './_generated/server';
import { readBackups } from './backupStore';
import { appError } from './errors';
import { backupValidator } from './schema';
import { findWorkspace } from './workspaceRow';

/** Environment variable that must be `1` for these functions to run. */
export const TEST_FUNCTIONS_FLAG = 'SAVEPOINT_TEST_FUNCTIONS';

/** Most backups `allBackups` returns: far more than any test makes, and a bounded read in any deployment. */
export const MAX_TEST_BACKUPS = 1_000;

function refuseOutsideTests(): void {
  if (process.env[TEST_FUNCTIONS_FLAG] !== '1') {
    throw appError(
      'FORBIDDEN',
      `Test-only function: set ${TEST_FUNCTIONS_FLAG}=1 in a test deployment to run it`,
    );
  }
}

/** The newest backups of a workspace (at most `MAX_TEST_BACKUPS`), newest first. */
export const allBackups = internalQuery({
  args: { workspace: v.string() },
  returns: v.array(backupValidator),
  handler: async (ctx, { workspace }) => {
    refuseOutsideTests();
    const docs = await ctx.db
      .query('settingsBackups')
      .withIndex('by_workspace_and_createdAt', (q) => q.eq('workspace', workspace))
      .order('desc')
      .take(MAX_TEST_BACKUPS);
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
      backupsRemoved: v.optional(v.number()),
    }),
    v.null(),
  ),
  handler: async (ctx, { workspace }) => {
    refuseOutsideTests();
    const row = await findWorkspace(ctx, workspace);
    if (row === null) return null;
    const { _id, _creationTime, ...fields } = row;
    return fields;
  },
});
