import type { ConvexHttpClient } from 'convex/browser';
import type { BackupRecord } from '../journal/backup-record';
import type { Settings } from '../storage';
import { accessKeyFor } from './access-key-for';
import { convexFunctions } from './convex-api';

/** What Convex needs to store one backup: a journal record, or a held backup with its section type. */
export type OutgoingBackup = Pick<
  BackupRecord,
  'id' | 'workspace' | 'type' | 'contentHash' | 'source' | 'capturedAt' | 'label' | 'note' | 'device'
>;

/** Sends one backup to Convex under its client-made id (a retry of the same id makes no second copy). */
export function sendBackup(
  client: ConvexHttpClient,
  settings: Settings,
  backup: OutgoingBackup,
  data: string,
  device: string,
) {
  return client.action(convexFunctions.createBackup, {
    accessKey: accessKeyFor(settings, backup.workspace),
    workspace: backup.workspace,
    type: backup.type,
    clientBackupId: backup.id,
    data,
    contentHash: backup.contentHash,
    source: backup.source,
    capturedAt: backup.capturedAt,
    ...(backup.label ? { label: backup.label } : {}),
    ...(backup.note ? { note: backup.note } : {}),
    device: backup.device || device,
  });
}
