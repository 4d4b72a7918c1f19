import { EXTENSION_SOURCES } from '../../convex/sharedValues';
import { MAX_CLOCK_SKEW } from '../../convex/sharedLimits';
import { DAY } from '../time';
import { z } from '../zod';

/** (ms since epoch) The last time a JavaScript Date holds; the history cannot show a later one (it throws). */
const LAST_DATE = 8.64e15;
/**
 * (milliseconds) How far Convex's clock may run ahead of this device's before a backup's server time is refused. A
 * pull's mark never goes back: one backup stamped years ahead would make every later pull skip what is older.
 */
const MAX_SERVER_AHEAD = DAY;

const time = z.number().finite().min(0).max(LAST_DATE);
const name = z.string().max(200);

/** A backup as `reads:listBackups` lists it, checked like any data from outside (its snapshot is checked apart). */
export const remoteBackupSchema = z.object({
  id: z.string().min(1).max(200),
  clientBackupId: name.min(1),
  workspace: z.string().max(255),
  type: name.min(1),
  data: z.string(),
  contentHash: name.min(1),
  size: z.number().int().nonnegative(),
  source: z.enum([...EXTENSION_SOURCES, 'api']),
  capturedAt: time,
  createdAt: time,
  label: name.optional(),
  note: z.string().max(2000).optional(),
  device: name.optional(),
  keyLabel: name.optional(),
  pinned: z.boolean(),
});
export type RemoteBackup = z.infer<typeof remoteBackupSchema>;

/** One page of `reads:listBackups`, its backups still unchecked (each is checked, and refused, on its own). */
export const remotePageSchema = z.object({
  page: z.array(z.unknown()).max(100),
  isDone: z.boolean(),
  continueCursor: z.string(),
});

/**
 * The backup of `workspace` in one listed item, or null when it is not one as Convex stores it: text where text
 * belongs, times a date holds, a capture time no later than Convex allows after it stored the backup, and a
 * server time not far ahead of this device's clock.
 */
export function parseRemoteBackup(
  raw: unknown,
  workspace: string,
  now: number = Date.now(),
): RemoteBackup | null {
  const parsed = remoteBackupSchema.safeParse(raw);
  if (!parsed.success) return null;
  const backup = parsed.data;
  if (backup.workspace !== workspace) return null;
  if (backup.capturedAt > backup.createdAt + MAX_CLOCK_SKEW) return null;
  if (backup.createdAt > now + MAX_SERVER_AHEAD) return null;
  return backup;
}
