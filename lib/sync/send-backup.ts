import type { ConvexHttpClient } from 'convex/browser';
import type { HeldBackup, Settings } from '../storage';
import { convexFunctions } from './convex-api';

/** What Convex needs to store one backup (a journal record or a held backup). */
export interface OutgoingBackup {
  id: string;
  workspace: string;
  type: string;
  contentHash: string;
  source: HeldBackup['source'];
  capturedAt: number;
  label?: string | undefined;
  note?: string | undefined;
  device: string;
}

/** Sends one backup to Convex under its client-made id (a retry of the same id makes no second copy). */
export function sendBackup(
  client: ConvexHttpClient,
  settings: Settings,
  backup: OutgoingBackup,
  data: string,
  device: string,
) {
  return client.mutation(convexFunctions.createBackup, {
    accessKey: settings.accessKey,
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
