import { snapshotSchema } from '../capture/snapshot';
import { z } from '../zod';
import { backupSourceSchema } from './backup-record';

export const BUNDLE_FORMAT = 'savepoint-bundle';
export const BUNDLE_VERSION = 1;

/** One backup in an exported bundle: its record's identity and the snapshot body itself. */
export const bundleBackupSchema = z.object({
  id: z.string().min(1).max(200),
  workspace: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  title: z.string().max(500),
  capturedAt: z.number().finite(),
  source: backupSourceSchema,
  label: z.string().max(200).optional(),
  note: z.string().max(2000).optional(),
  device: z.string().max(200),
  pinned: z.boolean(),
  contentHash: z.string().min(1).max(200),
  snapshot: snapshotSchema,
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
