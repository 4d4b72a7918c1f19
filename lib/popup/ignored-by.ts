import type { BackupRecord } from '../journal/backup-record';
import { ignoreRuleFor } from '../page/bridge/ignore-rule';

/**
 * The ignore rule "Not a save" would add for `record` (as lib/background/ignore-backup-request.ts adds it), e.g.
 * `POST /api/workspaces/:workspace/bots/:id/recount`; null when no request made it (nothing to ignore); undefined
 * for a backup recorded before its place was kept (the background finds the request in its body).
 */
export function ignoredBy(record: Pick<BackupRecord, 'place' | 'workspace'>): string | null | undefined {
  if (!record.place) return undefined;
  const { request } = record.place;
  return request ? ignoreRuleFor(request.method, request.url, record.workspace) : null;
}
