import type { ConvexHttpClient } from 'convex/browser';
import type { BackupRecord } from '../journal/backup-record';
import type { Settings } from '../storage';
import { accessKeyFor } from './access-key-for';
import { convexFunctions } from './convex-api';
import { z } from '../zod';

/**
 * Convex's answer to a new backup as `writes:createBackup` gives it, checked like any data from outside: the journal
 * keeps its id and key label. (A deployment of an older Savepoint gives no key label.)
 */
const createdSchema = z.object({
  id: z.string().min(1).max(200),
  duplicate: z.boolean().optional(),
  keyLabel: z.string().max(200).optional(),
});

/** What Convex needs to store one backup: a journal record, or a held backup with its section type. */
export type OutgoingBackup = Pick<
  BackupRecord,
  'id' | 'workspace' | 'type' | 'contentHash' | 'source' | 'capturedAt' | 'label' | 'note' | 'device'
>;

/** Sends one backup to Convex under its client-made id (a retry of the same id makes no second copy). */
export async function sendBackup(
  client: ConvexHttpClient,
  settings: Settings,
  backup: OutgoingBackup,
  data: string,
  device: string,
) {
  const answer = await client.action(convexFunctions.createBackup, {
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
  const checked = createdSchema.safeParse(answer);
  // Not counted as sent: the backup waits and is sent again (Convex keeps one copy per id).
  if (!checked.success)
    throw new Error(
      "Convex answered the backup with something Savepoint cannot read: is this deployment running Savepoint's functions?",
    );
  return checked.data;
}
