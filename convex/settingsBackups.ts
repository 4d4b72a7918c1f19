import { v, type ObjectType } from 'convex/values';
import { internal } from './_generated/api';
import type { Doc, Id } from './_generated/dataModel';
import { internalMutation, type MutationCtx, type QueryCtx } from './_generated/server';
import { CHUNK_MAX_BYTES, findBackup, insertBackup, readBackup, removeBackup, utf8Size } from './backupStore';
import type { AuthorizedKey } from './access';
import { checkedSnapshotData, jsonContentHash, recordedCapturedAt, recordedSource } from './backupChecks';
import { appError } from './errors';
import { internalAdminMutationFor, internalCaptureMutation } from './functions';
import {
  checkedName,
  checkText,
  DEFAULT_RETENTION,
  MAX_NAME_CHARS,
  MAX_NOTE_CHARS,
  MAX_REPORT_CHARS,
  MAX_SNAPSHOT_BYTES,
} from './limits';
import { backupValidator, extensionSourceValidator, restoreResultValidator, type Backup } from './schema';
import { countsOf, isBeyondRetention, retentionRunValidator, runAfter } from './retentionRun';
import { mayExceed, setSectionCount } from './sectionCount';
import { countRemoved, ensureWorkspace } from './workspaceRow';

/** Fields of a new backup as the extension sends them (besides the access key and workspace). */
export const newBackupFields = {
  type: v.string(),
  clientBackupId: v.string(),
  /** The snapshot as JSON; the server parses it with the extension's snapshot schema. */
  data: v.string(),
  /** The snapshot's content hash as the extension computed it; the server recomputes and compares. */
  contentHash: v.string(),
  source: extensionSourceValidator,
  capturedAt: v.number(),
  label: v.optional(v.string()),
  note: v.optional(v.string()),
  /** The device name the extension reports; the server records the key's label beside it. */
  device: v.optional(v.string()),
};
type NewBackupInput = ObjectType<typeof newBackupFields>;

/** Fields of a backup made through the HTTP API: any JSON `data`; the server sets source, hash and times. */
export const apiBackupFields = {
  type: v.string(),
  clientBackupId: v.string(),
  data: v.string(),
  label: v.optional(v.string()),
};
type ApiBackupInput = ObjectType<typeof apiBackupFields>;

/** Result of a backup write: `duplicate` when the client id was already stored (a retried request). */
export const createResultValidator = v.object({
  id: v.id('settingsBackups'),
  duplicate: v.boolean(),
  /** Label of the access key the server recorded as the writer (shown in every device's history). */
  keyLabel: v.string(),
});
type CreateResult = { id: Id<'settingsBackups'>; duplicate: boolean; keyLabel: string };

/** A backup ready to store: checked, with what the server decided (source, capture time, hash). */
type CheckedBackup = Omit<Doc<'settingsBackups'>, '_id' | '_creationTime' | 'chunkCount' | 'size' | 'pinned'>;

function checkNames(input: { type: string; clientBackupId: string; label?: string }): void {
  checkText('type', input.type, MAX_NAME_CHARS, true);
  checkText('clientBackupId', input.clientBackupId, MAX_NAME_CHARS, true);
  checkText('label', input.label, MAX_NAME_CHARS);
}

function checkSize(data: string): number {
  const size = utf8Size(data);
  if (size > MAX_SNAPSHOT_BYTES) {
    throw appError('TOO_LARGE', `The snapshot is ${size} bytes; the limit is ${MAX_SNAPSHOT_BYTES} bytes`);
  }
  return size;
}

/** Stores a checked backup, marks the workspace synced and schedules retention. */
async function storeChecked(ctx: MutationCtx, backup: CheckedBackup): Promise<Id<'settingsBackups'>> {
  const size = checkSize(backup.data);
  const id = await insertBackup(ctx, { ...backup, size, pinned: false });
  const row = await ensureWorkspace(ctx, backup.workspace);
  await ctx.db.patch(row._id, {
    lastSettingsSync: backup.createdAt,
    settingsSyncStatus: 'synced',
    settingsSyncError: undefined,
  });
  // A section counted within its retention has nothing to remove: it is not read again.
  if (await mayExceed(ctx, backup.workspace, backup.type, row.retention ?? DEFAULT_RETENTION)) {
    await ctx.scheduler.runAfter(0, internal.settingsBackups.pruneSection, {
      workspace: backup.workspace,
      type: backup.type,
    });
  }
  return id;
}

/**
 * Stores an extension-made backup once per client id. The server checks what the key claims: `data` must be a
 * snapshot of the section whose content hash is `contentHash`; a capture key cannot record a restore; a capture
 * time ahead of the server's clock is recorded as now; the key's label is recorded beside the claimed device.
 */
export async function storeNewBackup(
  ctx: MutationCtx,
  key: AuthorizedKey,
  input: NewBackupInput,
): Promise<CreateResult> {
  checkNames(input);
  checkText('contentHash', input.contentHash, MAX_NAME_CHARS, true);
  checkText('note', input.note, MAX_NOTE_CHARS);
  const device = checkedName('device', input.device);
  const now = Date.now();
  const capturedAt = recordedCapturedAt(input.capturedAt, now);

  const existing = await findBackup(ctx, key.workspace, input.clientBackupId);
  if (existing !== null)
    return { id: existing._id, duplicate: true, keyLabel: existing.keyLabel ?? key.label };

  checkSize(input.data);
  const data = await checkedSnapshotData(input.data, input.type, input.contentHash);
  const { label, note } = input;
  const id = await storeChecked(ctx, {
    workspace: key.workspace,
    type: input.type,
    clientBackupId: input.clientBackupId,
    data,
    contentHash: input.contentHash,
    source: recordedSource(input.source, key),
    capturedAt,
    createdAt: now,
    keyLabel: key.label,
    keyId: key.keyId,
    ...(label === undefined ? {} : { label }),
    ...(note === undefined ? {} : { note }),
    ...(device === undefined ? {} : { device }),
  });
  return { id, duplicate: false, keyLabel: key.label };
}

/** Stores an HTTP API backup once per client id: the caller's JSON as data, marked `api`, hashed by the server. */
export async function storeApiBackup(
  ctx: MutationCtx,
  key: AuthorizedKey,
  input: ApiBackupInput,
): Promise<CreateResult> {
  checkNames(input);
  const existing = await findBackup(ctx, key.workspace, input.clientBackupId);
  if (existing !== null)
    return { id: existing._id, duplicate: true, keyLabel: existing.keyLabel ?? key.label };
  checkSize(input.data);
  const now = Date.now();
  const id = await storeChecked(ctx, {
    workspace: key.workspace,
    type: input.type,
    clientBackupId: input.clientBackupId,
    data: input.data,
    contentHash: await jsonContentHash(input.data),
    source: 'api',
    capturedAt: now,
    createdAt: now,
    keyLabel: key.label,
    keyId: key.keyId,
    ...(input.label === undefined ? {} : { label: input.label }),
  });
  return { id, duplicate: false, keyLabel: key.label };
}

/** The newest backup of a section, or null. */
export async function latestBackup(ctx: QueryCtx, workspace: string, type: string): Promise<Backup | null> {
  const doc = await ctx.db
    .query('settingsBackups')
    .withIndex('by_workspace_and_type_and_createdAt', (q) => q.eq('workspace', workspace).eq('type', type))
    .order('desc')
    .first();
  return doc === null ? null : await readBackup(ctx, doc);
}

async function findOrFail(ctx: QueryCtx, workspace: string, clientBackupId: string) {
  const doc = await findBackup(ctx, workspace, clientBackupId);
  if (doc === null) throw appError('NOT_FOUND', 'No such backup in this workspace');
  return doc;
}

/** Arguments of `recordRestore` besides the access key and workspace. */
export const recordRestoreArgs = {
  clientBackupId: v.string(),
  device: v.optional(v.string()),
  result: restoreResultValidator,
  report: v.string(),
};

/** What `recordRestore` returns: its audit entry and the backup restored. */
export const recordRestoreResultValidator = v.object({ auditId: v.id('auditLog'), backup: backupValidator });

/** Arguments of `deleteBackup` besides the access key and workspace. */
export const deleteBackupArgs = { clientBackupId: v.string(), device: v.optional(v.string()) };

/** Arguments of `setPinned` besides the access key and workspace. */
export const setPinnedArgs = {
  clientBackupId: v.string(),
  pinned: v.boolean(),
  device: v.optional(v.string()),
};

/** Stores a snapshot. Retrying with the same `clientBackupId` stores nothing and returns the first id. */
export const createBackup = internalCaptureMutation({
  args: newBackupFields,
  returns: createResultValidator,
  handler: async (ctx, args) => await storeNewBackup(ctx, ctx.key, args),
});

/**
 * Records in the audit log a restore the extension already performed (who, when, which backup, outcome) and returns
 * the backup; it restores nothing itself. `restores.begin` audits a restore before it runs.
 */
export const recordRestore = internalAdminMutationFor('Restoring')({
  args: recordRestoreArgs,
  returns: recordRestoreResultValidator,
  handler: async (ctx, args) => {
    const device = checkedName('device', args.device);
    checkText('report', args.report, MAX_REPORT_CHARS);
    const doc = await findOrFail(ctx, ctx.key.workspace, args.clientBackupId);
    const auditId = await ctx.db.insert('auditLog', {
      workspace: ctx.key.workspace,
      action: 'restore',
      backupId: doc._id,
      clientBackupId: doc.clientBackupId,
      keyLabel: ctx.key.label,
      device,
      result: args.result,
      report: args.report,
      at: Date.now(),
    });
    return { auditId, backup: await readBackup(ctx, doc) };
  },
});

/** Deletes a backup and its chunks (the older backup stored as a delta on it is folded), recorded in the audit log. */
export const deleteBackup = internalAdminMutationFor('Deleting a backup')({
  args: deleteBackupArgs,
  returns: v.null(),
  handler: async (ctx, { clientBackupId, device: claimed }) => {
    const device = checkedName('device', claimed);
    const doc = await findOrFail(ctx, ctx.key.workspace, clientBackupId);
    await removeBackup(ctx, doc);
    // A retention run of the section under way counted it: it starts again rather than keep too few.
    await countRemoved(ctx, await ensureWorkspace(ctx, ctx.key.workspace), 1);
    await ctx.db.insert('auditLog', {
      workspace: ctx.key.workspace,
      action: 'delete',
      backupId: doc._id,
      clientBackupId,
      keyLabel: ctx.key.label,
      device,
      at: Date.now(),
    });
    return null;
  },
});

/** Pins a backup (retention never removes it) or unpins it, recorded in the audit log. */
export const setPinned = internalAdminMutationFor('Pinning')({
  args: setPinnedArgs,
  returns: v.null(),
  handler: async (ctx, { clientBackupId, pinned, device: claimed }) => {
    const device = checkedName('device', claimed);
    const doc = await findOrFail(ctx, ctx.key.workspace, clientBackupId);
    await ctx.db.patch(doc._id, { pinned });
    await ctx.db.insert('auditLog', {
      workspace: ctx.key.workspace,
      action: pinned ? 'pin' : 'unpin',
      backupId: doc._id,
      clientBackupId,
      keyLabel: ctx.key.label,
      device,
      at: Date.now(),
    });
    return null;
  },
});

/** Most backups one retention call deletes; a call that hits it leaves the rest to the next. */
const PRUNE_BATCH = 100;

/** Most backups one retention call judges; a call that hits it leaves the rest to the next. */
const PRUNE_ROWS = 1_000;

/**
 * (bytes) Most stored data one retention call reads, counted once for each backup it judges and once more for each
 * it removes (their chunks, and the deltas folded onto them): a quarter of the 16 MiB one Convex function may read.
 */
const PRUNE_BYTES = 4 * 1024 * 1024;

/** (bytes) The most a backup's row and chunks hold. */
function storedBytes(doc: Doc<'settingsBackups'>): number {
  return utf8Size(doc.data) + doc.chunkCount * CHUNK_MAX_BYTES;
}

/**
 * Deletes unpinned backups of a section beyond the workspace's retention, chunks included. Each key's backups are
 * counted apart: a key's writes push out only its own older backups, so a capture key's burst of backups cannot
 * remove what other devices and admins backed up (deleting those takes an admin key). Each key's newest backup from
 * before an hour, a day and a week ago stays too (server time), so a burst removes only what came since.
 *
 * One call reads a bounded batch, newest first, and schedules the next with what it counted (`run`); a run that
 * anyone's removal overtook (its counts would be too high) starts again from the newest backup.
 */
export const pruneSection = internalMutation({
  args: { workspace: v.string(), type: v.string(), run: v.optional(retentionRunValidator) },
  returns: v.null(),
  handler: async (ctx, { workspace, type, run }) => {
    const row = await ensureWorkspace(ctx, workspace);
    const keep = row.retention ?? DEFAULT_RETENTION;
    const from = run !== undefined && run.removed === (row.backupsRemoved ?? 0) ? run : undefined;
    if (from === undefined && !(await mayExceed(ctx, workspace, type, keep))) return null;
    const older = ctx.db
      .query('settingsBackups')
      .withIndex('by_workspace_and_type_and_createdAt', (q) => {
        const section = q.eq('workspace', workspace).eq('type', type);
        return from === undefined ? section : section.lte('createdAt', from.createdAt);
      })
      .order('desc');
    const counts = countsOf(from, Date.now());
    const doomed = [];
    let last: Doc<'settingsBackups'> | undefined;
    let judged = 0;
    let bytes = 0;
    let more = false;
    for await (const doc of older) {
      // Judged by an earlier call (creation times tell apart backups of one millisecond).
      if (from !== undefined && doc.createdAt === from.createdAt && doc._creationTime >= from.creationTime)
        continue;
      if (judged >= PRUNE_ROWS || bytes >= PRUNE_BYTES || doomed.length >= PRUNE_BATCH) {
        more = true;
        break;
      }
      judged++;
      last = doc;
      bytes += storedBytes(doc);
      if (!isBeyondRetention(counts, doc, keep)) continue;
      doomed.push(doc);
      bytes += storedBytes(doc);
    }
    // Oldest first: a delta resting on one about to go is folded into its base once (removeBackup).
    for (const doc of doomed.reverse()) await removeBackup(ctx, doc);
    const removed = doomed.length;
    let removedInWorkspace = row.backupsRemoved ?? 0;
    if (removed > 0) {
      removedInWorkspace = await countRemoved(ctx, row, removed);
      await ctx.db.insert('auditLog', {
        workspace,
        action: 'retention',
        keyLabel: 'retention',
        report: `Removed ${removed} backups of "${type}" beyond the newest ${keep} of each key`,
        at: Date.now(),
      });
    }
    // Read whole in this one call: what it holds now is counted, and kept from here on (sectionCount.ts).
    if (from === undefined && !more) await setSectionCount(ctx, workspace, type, keep, judged - removed);
    if (more && last !== undefined) {
      await ctx.scheduler.runAfter(0, internal.settingsBackups.pruneSection, {
        workspace,
        type,
        run: runAfter(counts, last, removedInWorkspace),
      });
    }
    return null;
  },
});

/** Sections one `pruneWorkspace` run schedules; a run that hits it schedules the next from where it stopped. */
const SECTIONS_PER_RUN = 100;

/** Schedules retention of every section of a workspace (after an admin changed its retention). */
export const pruneWorkspace = internalMutation({
  args: { workspace: v.string(), after: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { workspace, after }) => {
    let last = after;
    for (let i = 0; i < SECTIONS_PER_RUN; i++) {
      const from = last;
      const next = await ctx.db
        .query('settingsBackups')
        .withIndex('by_workspace_and_type_and_createdAt', (q) =>
          from === undefined ? q.eq('workspace', workspace) : q.eq('workspace', workspace).gt('type', from),
        )
        .first();
      if (next === null) return null;
      last = next.type;
      await ctx.scheduler.runAfter(0, internal.settingsBackups.pruneSection, { workspace, type: next.type });
    }
    await ctx.scheduler.runAfter(0, internal.settingsBackups.pruneWorkspace, { workspace, after: last });
    return null;
  },
});
