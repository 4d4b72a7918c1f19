import { storage } from 'wxt/utils/storage';
import { DEFAULT_RETENTION, MAX_RETENTION } from '../convex/sharedLimits';
import { ROLES, SYNC_STATES } from '../convex/sharedValues';
import { newBackupSchema } from './journal/backup-record';
import { STORAGE_KEYS } from './storage-keys';
import { migrateSettingsToV2, migrateWatchedToV2 } from './storage-migrations';
import { withLock } from './with-lock';
import { z } from './zod';

/** Backups kept per workspace and section before the oldest synced, unpinned ones are pruned. */
export const DEFAULT_RETENTION_PER_SECTION = DEFAULT_RETENTION;

export const watchedDashboardSchema = z.object({
  id: z.string().min(1),
  /** URLPattern-style, e.g. `https://app.example.com/:workspace/settings*`. */
  pattern: z.string().min(1),
  /** Optional pattern narrowing which requests count as saves. */
  savePattern: z.string().optional(),
  /** Extra field names or keys to leave out, on top of the built-in secrets policy. */
  extraLeftOut: z.array(z.string()).default([]),
  /**
   * Requests marked "Not a settings save": a method and a path template (`POST /api/bots/:id/test-webhook`);
   * captures of a matching request are dropped. Absent in dashboards stored before it existed.
   */
  ignoreRules: z.array(z.string().max(2000)).max(500).optional(),
  /** Set by the administrator's managed policy: shown as managed, not editable. */
  managed: z.boolean().default(false),
  /**
   * The workspace set by hand ("this host is workspace acme"); when absent, the pattern's `:workspace` group, else
   * the host with its port.
   */
  workspace: z.string().trim().min(1).max(255).optional(),
});
export type WatchedDashboard = z.infer<typeof watchedDashboardSchema>;

export const settingsSchema = z.object({
  convexUrl: z.string().default(''),
  /** The access key used for every workspace that has no key of its own in `workspaceKeys`. */
  accessKey: z.string().default(''),
  /** Keys for particular workspaces (a team's dashboards with keys of their own), kept on this device only. */
  workspaceKeys: z
    .array(z.object({ workspace: z.string().trim().min(1).max(255), accessKey: z.string().trim().min(1) }))
    .max(200)
    .default([]),
  // Capped rather than refused: a value stored when the device allowed 100,000 must not discard the settings.
  retentionPerSection: z
    .number()
    .int()
    .min(1)
    .transform((kept) => Math.min(kept, MAX_RETENTION))
    .default(DEFAULT_RETENTION_PER_SECTION),
  /** Keys of settings locked by the administrator's managed policy. */
  locked: z.array(z.string()).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const syncStateSchema = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof syncStateSchema>;

export const workspaceStatusSchema = z.object({
  state: syncStateSchema,
  /** Reason shown next to "Sync error", e.g. "Access key rejected". */
  error: z.string().optional(),
  /** Whether retrying can help (false for a rejected access key until the settings change). */
  retryable: z.boolean().default(true),
  lastSyncedAt: z.number().optional(),
  waiting: z.number().int().default(0),
  quarantined: z.number().int().default(0),
  updatedAt: z.number(),
});
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;

/** What a watched page showed, compared with the latest backups, when it was last opened. */
export const driftSchema = z.object({
  /** Fields that differ from the latest backup of their section, over all sections of the page. */
  changed: z.number().int().nonnegative(),
  /** When the oldest of the compared backups was taken. */
  since: z.number(),
  sections: z.array(
    z.object({ type: z.string(), title: z.string(), changed: z.number().int(), backupId: z.string() }),
  ),
  checkedAt: z.number(),
});
export type Drift = z.infer<typeof driftSchema>;

export const driftItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.drift}`, {
  fallback: {},
  version: 1,
});

/** Drift by workspace, validated; a malformed workspace's entry is dropped, never the others. */
export async function readDrift(): Promise<Record<string, Drift>> {
  return parseEntries(driftSchema, await driftItem.getValue());
}

/** Writes one workspace's drift after validating it. */
export async function writeDrift(workspace: string, drift: Drift): Promise<void> {
  await driftItem.setValue({ ...(await readDrift()), [workspace]: driftSchema.parse(drift) });
}

export const installSchema = z.object({
  /** Salt of the hashes that stand in for left-out secrets (never leaves this browser). */
  salt: z.string().min(16),
  deviceId: z.string().min(1),
  deviceName: z.string(),
});
export type InstallInfo = z.infer<typeof installSchema>;

/** Parses a stored value, falling back when it is missing or malformed (storage is a trust boundary). */
function parseOr<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** A stored map by workspace, entry by entry: a malformed entry is dropped, never the whole map. */
function parseEntries<T>(schema: z.ZodType<T>, value: unknown): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, T> = {};
  for (const [key, entry] of Object.entries(value)) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) result[key] = parsed.data;
  }
  return result;
}

/**
 * The settings as stored, field by field: a field that no longer parses takes its default and the others are kept,
 * so one bad value (a hand edit, a downgrade) never resets the Convex URL and access key.
 */
export function salvageSettings(value: unknown): Settings {
  const whole = settingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(settingsSchema.shape)) {
    if (schema.safeParse(raw[field]).success) kept[field] = raw[field];
  }
  console.warn('Savepoint: some stored settings were malformed and took their defaults');
  return settingsSchema.parse(kept);
}

// Every item names its version; a shape change adds a version and a migration in storage-migrations.ts, with a
// fixture of the old shape in tests/unit/storage-migrations.test.ts.
export const settingsItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.settings}`, {
  fallback: {},
  version: 2,
  migrations: { 2: migrateSettingsToV2 },
});
export const watchedItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.watched}`, {
  fallback: [],
  version: 2,
  migrations: { 2: migrateWatchedToV2 },
});
export const statusItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.statuses}`, {
  fallback: {},
  version: 1,
});
/** Bumped whenever the journal changes, so open popups reload what they show. */
export const journalVersionItem = storage.defineItem<number>('local:journalVersion', { fallback: 0 });
export const installItem = storage.defineItem<unknown>('local:install', { fallback: null, version: 1 });

/** The user's settings, validated field by field. */
export async function readSettings(): Promise<Settings> {
  return salvageSettings(await settingsItem.getValue());
}

/** Merges a change into the settings after validating it. */
export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await readSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** The watched dashboards, validated; malformed entries are dropped, never the whole list. */
export async function readWatched(): Promise<WatchedDashboard[]> {
  const raw = await watchedItem.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = watchedDashboardSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function writeWatched(list: WatchedDashboard[]): Promise<void> {
  await watchedItem.setValue(list.map((entry) => watchedDashboardSchema.parse(entry)));
}

export const statusMapSchema = z.record(z.string(), workspaceStatusSchema);

/** Sync status of every workspace; a malformed workspace's entry is dropped, never the others. */
export async function readStatuses(): Promise<Record<string, WorkspaceStatus>> {
  return parseEntries(workspaceStatusSchema, await statusItem.getValue());
}

/** Writes one workspace's sync status after validating it. */
export async function writeStatus(workspace: string, status: WorkspaceStatus): Promise<void> {
  await statusItem.setValue({ ...(await readStatuses()), [workspace]: workspaceStatusSchema.parse(status) });
}

/** The Web Lock under which an install is created, should two contexts ever create one at once. */
const INSTALL_LOCK = 'savepoint-install';

/** Salt and device identity, created on first use. */
export async function readInstall(random: () => string = () => crypto.randomUUID()): Promise<InstallInfo> {
  const existing = installSchema.safeParse(await installItem.getValue());
  if (existing.success) return existing.data;
  // No two creations race today: only the worker reads the install, through its kept read (start-background.ts),
  // which shares one read among its callers. The lock, taken only while none is stored, guards a future caller
  // in another context (a page creating the install while the worker does): each would store an install of its
  // own, the last write would win, and secrets would be hashed with a salt the install no longer had.
  return withLock(INSTALL_LOCK, async () => {
    const again = installSchema.safeParse(await installItem.getValue());
    if (again.success) return again.data;
    const created: InstallInfo = {
      salt: `${random()}${random()}`.replace(/-/g, ''),
      deviceId: random(),
      deviceName: describeDevice(),
    };
    await installItem.setValue(created);
    return created;
  });
}

function describeDevice(): string {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const browser = /Firefox\//.test(agent) ? 'Firefox' : /Chrom(e|ium)\//.test(agent) ? 'Chromium' : 'Browser';
  const os = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS/.test(agent)
      ? 'macOS'
      : /Linux/.test(agent)
        ? 'Linux'
        : '';
  return os ? `${browser} on ${os}` : browser;
}

/**
 * A backup the journal could not take because storage was full: held in `storage.local` (outside the IndexedDB
 * quota) and sent to Convex directly, until the journal has room again.
 */
export const heldBackupSchema = newBackupSchema.extend({
  /** When Convex acknowledged it (sent straight from the hold while the journal was full). */
  pushedAt: z.number().optional(),
});
export type HeldBackup = z.infer<typeof heldBackupSchema>;

export const heldItem = storage.defineItem<unknown>('local:heldBackups', { fallback: [], version: 1 });

/** Backups held outside the journal, oldest first; malformed entries are dropped, never the whole list. */
export async function readHeld(): Promise<HeldBackup[]> {
  const raw = await heldItem.getValue();
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((entry) => {
      const parsed = heldBackupSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.capturedAt - b.capturedAt);
}

export async function writeHeld(list: HeldBackup[]): Promise<void> {
  await heldItem.setValue(list.map((entry) => heldBackupSchema.parse(entry)));
}

/** How the device's storage is doing: `short` after old backups were pruned to make room, `full` while held. */
export const storageHealthSchema = z.object({
  state: z.enum(['ok', 'short', 'full']),
  /** Backups removed from this device (all already in Convex) the last time storage ran short. */
  pruned: z.number().int().nonnegative().default(0),
  /** Backups held outside the journal. */
  held: z.number().int().nonnegative().default(0),
  at: z.number(),
});
export type StorageHealth = z.infer<typeof storageHealthSchema>;

export const storageHealthItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.storageHealth}`, {
  fallback: null,
  version: 1,
});

export async function readStorageHealth(): Promise<StorageHealth> {
  return parseOr(storageHealthSchema, await storageHealthItem.getValue(), {
    state: 'ok',
    pruned: 0,
    held: 0,
    at: 0,
  });
}

export async function writeStorageHealth(health: StorageHealth): Promise<void> {
  await storageHealthItem.setValue(storageHealthSchema.parse(health));
}

/**
 * Per workspace, the server time (`createdAt`) of the newest backup a pull has seen: later pulls stop there, so
 * backups this device pruned (retention, full storage) are not pulled back.
 */
export const pullMarksItem = storage.defineItem<unknown>('local:pullMarks', { fallback: {}, version: 1 });

/** The newest server time a pull saw, and the backups it saw at that very millisecond. */
export const pullMarkSchema = z.object({ at: z.number(), ids: z.array(z.string()).max(1000) });
export type PullMark = z.infer<typeof pullMarkSchema>;

export async function readPullMark(workspace: string): Promise<PullMark | undefined> {
  return parseEntries(pullMarkSchema, await pullMarksItem.getValue())[workspace];
}

export async function writePullMark(workspace: string, mark: PullMark): Promise<void> {
  const marks = parseEntries(pullMarkSchema, await pullMarksItem.getValue());
  if ((marks[workspace]?.at ?? -Infinity) > mark.at) return;
  await pullMarksItem.setValue({ ...marks, [workspace]: pullMarkSchema.parse(mark) });
}

/** What Convex last said about a workspace: the key's role there, and what its admins set for every device. */
export const workspaceFactsSchema = z.object({
  /** Role and label of the key this device uses for the workspace, when Convex accepted it. */
  role: z.enum(ROLES).optional(),
  keyLabel: z.string().optional(),
  /** Backups kept per section, as an admin set it in Convex (overrides this device's setting). */
  retention: z.number().int().min(1).max(MAX_RETENTION).optional(),
  /** The audit time (ms, server clock) up to which this device applied the workspace's changes. */
  changesAt: z.number().default(0),
  checkedAt: z.number(),
});
export type WorkspaceFacts = z.infer<typeof workspaceFactsSchema>;

export const workspaceFactsItem = storage.defineItem<unknown>(`local:${STORAGE_KEYS.facts}`, {
  fallback: {},
  version: 1,
});

/** What Convex last said about every workspace, validated. */
export async function readWorkspaceFacts(): Promise<Record<string, WorkspaceFacts>> {
  return parseEntries(workspaceFactsSchema, await workspaceFactsItem.getValue());
}

/** Merges what Convex just said about a workspace into what is stored. */
export async function writeWorkspaceFacts(
  workspace: string,
  change: Partial<WorkspaceFacts> & { checkedAt: number },
): Promise<WorkspaceFacts> {
  const all = await readWorkspaceFacts();
  const next = workspaceFactsSchema.parse({ ...all[workspace], ...change });
  await workspaceFactsItem.setValue({ ...all, [workspace]: next });
  return next;
}
