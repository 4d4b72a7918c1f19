import { MAX_FIELDS } from '../capture/limits';
import { snapshotSchema } from '../capture/snapshot';
import { z } from '../zod';
import { backupSchema } from './backup-record';

export const BUNDLE_FORMAT = 'savepoint-bundle';
export const BUNDLE_VERSION = 1;

/** Most backups one bundle may hold (an export of a busy workspace holds a few thousand). */
export const MAX_BUNDLE_BACKUPS = 10_000;
/** Most fields one imported snapshot may hold: as many as a capture reads from one section. */
export const MAX_BUNDLE_FIELDS = MAX_FIELDS;
/** (levels) Deepest nesting of an imported backup's values (request bodies); captures never come close. */
export const MAX_BUNDLE_VALUE_DEPTH = 32;

/** True when `value` nests objects or arrays deeper than `max` levels (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** One backup in an exported bundle: the backup model, its text bounded (an import is untrusted), and the snapshot. */
export const bundleBackupSchema = backupSchema.extend({
  id: backupSchema.shape.id.max(200),
  workspace: backupSchema.shape.workspace.max(255),
  type: backupSchema.shape.type.max(200),
  title: backupSchema.shape.title.max(500),
  label: z.string().max(200).optional(),
  note: z.string().max(2000).optional(),
  device: backupSchema.shape.device.max(200),
  contentHash: backupSchema.shape.contentHash.max(200),
  snapshot: snapshotSchema.extend({
    fields: snapshotSchema.shape.fields.max(MAX_BUNDLE_FIELDS, {
      message: `at most ${MAX_BUNDLE_FIELDS} fields per snapshot`,
    }),
  }),
});
export type BundleBackup = z.infer<typeof bundleBackupSchema>;

/** A file of exported backups, as `exportBundle` writes it and `importBundle` reads it. */
export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  /** (ms since epoch) */
  exportedAt: z.number().finite(),
  backups: z.array(bundleBackupSchema),
});
export type Bundle = z.infer<typeof bundleSchema>;

/** The bundle's envelope alone, so each backup can be checked (and reported) one by one. */
export const bundleEnvelopeSchema = bundleSchema.extend({ backups: z.array(z.unknown()) });
