import { defineSchema, defineTable } from 'convex/server';
import { v, type Infer, type Validator } from 'convex/values';
import { rateLimitTables } from 'convex-helpers/server/rateLimit';
import { AUDIT_ACTIONS, EXTENSION_SOURCES, RESTORE_RESULTS, ROLES, SYNC_STATES } from './sharedValues';

/** A `v.union` of string literals from one of the shared lists (the extension builds its zod enums from the same). */
function literals<const T extends readonly [string, string, ...string[]]>(values: T) {
  const [first, second, ...rest] = values.map((value) => v.literal(value as T[number]));
  return v.union(first!, second!, ...rest);
}

/** What an access key may do: `capture` writes and reads backups, `admin` also restores, deletes and pins. */
export const roleValidator = literals(ROLES);
export type Role = Infer<typeof roleValidator>;

/**
 * How an extension-made backup came to be, as the extension says it (`writes:createBackup`). The server
 * records `restore` only for an admin key's backup: a capture key's is recorded as `auto`.
 */
export const extensionSourceValidator = literals(EXTENSION_SOURCES);

/** How a backup came to be: an extension source, or `api` for the HTTP API's (any JSON, not a snapshot). */
export const backupSourceValidator = v.union(...extensionSourceValidator.members, v.literal('api'));
export type BackupSource = Infer<typeof backupSourceValidator>;

/** The sync state a workspace shows in the extension. */
export const syncStatusValidator = literals(SYNC_STATES);
export type SyncStatus = Infer<typeof syncStatusValidator>;

/** Outcome of a restore as the extension observed it on the page. */
export const restoreResultValidator = literals(RESTORE_RESULTS);
export type RestoreResult = Infer<typeof restoreResultValidator>;

export const auditActionValidator = literals(AUDIT_ACTIONS);
export type AuditAction = Infer<typeof auditActionValidator>;

/** A backup as clients see it: `data` is the whole JSON string, reassembled from chunks when needed. */
export const backupValidator = v.object({
  id: v.id('settingsBackups'),
  clientBackupId: v.string(),
  workspace: v.string(),
  type: v.string(),
  data: v.string(),
  contentHash: v.string(),
  size: v.number(),
  source: backupSourceValidator,
  capturedAt: v.number(),
  createdAt: v.number(),
  label: v.optional(v.string()),
  note: v.optional(v.string()),
  device: v.optional(v.string()),
  /** Label of the access key that wrote the backup, set by the server (`device` is what the writer claims). */
  keyLabel: v.optional(v.string()),
  pinned: v.boolean(),
});
export type Backup = Infer<typeof backupValidator>;

/** One page of a paginated list: pass `continueCursor` back as `paginationOpts.cursor` until `isDone`. */
export function pageValidator<T extends Validator<unknown, 'required', string>>(item: T) {
  return v.object({ page: v.array(item), isDone: v.boolean(), continueCursor: v.string() });
}

/** An audit entry as clients see it. */
export const auditEntryValidator = v.object({
  id: v.id('auditLog'),
  workspace: v.string(),
  action: auditActionValidator,
  backupId: v.optional(v.id('settingsBackups')),
  clientBackupId: v.optional(v.string()),
  keyLabel: v.string(),
  device: v.optional(v.string()),
  result: v.optional(restoreResultValidator),
  report: v.optional(v.string()),
  at: v.number(),
  /** When a restore's outcome was recorded (`writes:finishRestore`); unset while it runs or if it never reported. */
  finishedAt: v.optional(v.number()),
});
export type AuditEntry = Infer<typeof auditEntryValidator>;

/** The sync status of a workspace as `workspaces:getSyncStatus` returns it. */
export const syncStatusViewValidator = v.object({
  workspace: v.string(),
  lastSettingsSync: v.union(v.number(), v.null()),
  settingsSyncStatus: v.union(syncStatusValidator, v.null()),
  settingsSyncError: v.union(v.string(), v.null()),
});
export type SyncStatusView = Infer<typeof syncStatusViewValidator>;

/** Who an access key is, as handed to handlers in `ctx.key` and returned by `reads:whoami`. */
export const keyIdentityValidator = v.object({
  /** The workspace asked about, else the key's first workspace. */
  workspace: v.string(),
  /** Every workspace the key covers (a team's keys cover several). */
  workspaces: v.array(v.string()),
  role: roleValidator,
  label: v.string(),
});
export type KeyIdentity = Infer<typeof keyIdentityValidator>;

export default defineSchema({
  workspaces: defineTable({
    slug: v.string(),
    lastSettingsSync: v.optional(v.number()),
    settingsSyncStatus: v.optional(syncStatusValidator),
    settingsSyncError: v.optional(v.string()),
    /** Backups kept per section besides pinned ones; the default applies when unset. */
    retention: v.optional(v.number()),
    /**
     * Backups removed from the workspace so far (deleted or pruned), unset before any: a retention run that continues
     * over several calls starts again when it changed since its last call, as its counts are then too high.
     */
    backupsRemoved: v.optional(v.number()),
  }).index('by_slug', ['slug']),

  accessKeys: defineTable({
    /** The workspace the key was made for (listed by `keys:list`). */
    workspace: v.string(),
    /** More workspaces the key covers, with the same role: one key for a team's dashboards. */
    workspaces: v.optional(v.array(v.string())),
    role: roleValidator,
    label: v.string(),
    /** SHA-256 of the key, hex; the key itself is never stored. */
    keyHash: v.string(),
    createdAt: v.number(),
    revokedAt: v.optional(v.number()),
  })
    .index('by_keyHash', ['keyHash'])
    .index('by_workspace', ['workspace']),

  settingsBackups: defineTable({
    workspace: v.string(),
    type: v.string(),
    clientBackupId: v.string(),
    /**
     * The snapshot as a JSON string, or '' when it is stored in `backupChunks`. When `baseId` is set, this (or the
     * chunks) is instead the JSON delta (lib/delta/json-delta.ts) that turns the base's whole data into this one's.
     */
    data: v.string(),
    /**
     * The newer backup of the same section this one is stored as a delta on; unset when stored whole (always the
     * newest of a section, and every backup stored before deltas).
     */
    baseId: v.optional(v.id('settingsBackups')),
    /** Most deltas read one after the other to reach this backup from one resting on it (bounds reads). */
    runHops: v.optional(v.number()),
    /** (bytes, UTF-8) of those deltas. */
    runBytes: v.optional(v.number()),
    /** Number of `backupChunks` rows holding the data; 0 when `data` is inline. */
    chunkCount: v.number(),
    contentHash: v.string(),
    /** UTF-8 bytes of the whole JSON string. */
    size: v.number(),
    source: backupSourceValidator,
    capturedAt: v.number(),
    createdAt: v.number(),
    label: v.optional(v.string()),
    note: v.optional(v.string()),
    device: v.optional(v.string()),
    /** Label of the access key that wrote it; unset on backups stored before keys were recorded. */
    keyLabel: v.optional(v.string()),
    /** The access key that wrote it: retention counts each key's backups apart (settingsBackups.ts). */
    keyId: v.optional(v.id('accessKeys')),
    pinned: v.boolean(),
  })
    .index('by_workspace_and_clientBackupId', ['workspace', 'clientBackupId'])
    .index('by_workspace_and_createdAt', ['workspace', 'createdAt'])
    .index('by_workspace_and_type_and_createdAt', ['workspace', 'type', 'createdAt'])
    .index('by_baseId', ['baseId']),

  /**
   * How many backups a section holds, once retention has counted it (sectionCount.ts); every backup stored or removed
   * keeps it. A section within its retention is then not read again after each backup.
   */
  sectionCounts: defineTable({
    workspace: v.string(),
    type: v.string(),
    backups: v.number(),
    /** The retention the section was last judged by, and how many backups that judging kept (pinned ones too). */
    judgedBy: v.number(),
    kept: v.number(),
  }).index('by_workspace_and_type', ['workspace', 'type']),

  backupChunks: defineTable({
    backupId: v.id('settingsBackups'),
    index: v.number(),
    data: v.string(),
  }).index('by_backupId_and_index', ['backupId', 'index']),

  auditLog: defineTable({
    workspace: v.string(),
    action: auditActionValidator,
    backupId: v.optional(v.id('settingsBackups')),
    clientBackupId: v.optional(v.string()),
    keyLabel: v.string(),
    device: v.optional(v.string()),
    result: v.optional(restoreResultValidator),
    report: v.optional(v.string()),
    at: v.number(),
    finishedAt: v.optional(v.number()),
  }).index('by_workspace_and_at', ['workspace', 'at']),

  // Token buckets of convex-helpers' rate limiter (table `rateLimits`), keyed per access key or per IP.
  ...rateLimitTables,
});
