// The values the extension and the Convex functions must agree on, listed once: Convex builds its `v` unions from
// them (schema.ts) and the extension its zod enums. No imports and no functions, like sharedLimits.ts.

/** What an access key may do: `capture` writes and reads backups, `admin` also restores, deletes and pins. */
export const ROLES = ['capture', 'admin'] as const;

/** How an extension-made backup came to be. */
export const EXTENSION_SOURCES = ['auto', 'manual', 'restore', 'import'] as const;

/** The sync state a workspace shows in the extension. */
export const SYNC_STATES = ['synced', 'syncing', 'error', 'offline'] as const;

/** Outcome of a restore as the extension observed it on the page. */
export const RESTORE_RESULTS = ['applied', 'partial', 'failed'] as const;

/** What the audit log records. */
export const AUDIT_ACTIONS = ['restore', 'delete', 'pin', 'unpin', 'retention'] as const;
