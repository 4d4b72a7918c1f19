import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { fieldsDisagreement } from '../restore/fields-disagreement';
import { replayRefusal } from '../restore/replay-refusal';
import { savedHereTo } from './saved-here-to';

/**
 * Why a backup's save request must not be sent from the dashboard tab at `tabUrl`, or null when it may: the
 * dashboard's rules (replay-refusal.ts), fields that agree with the body that would be sent, and an address this
 * browser saw the dashboard save the section to itself. The preview and the restore ask the same question.
 */
export async function requestRefusal(
  journal: Pick<Journal, 'newestOfSection' | 'readSnapshot'>,
  workspace: string,
  backup: Snapshot,
  tabUrl: string,
  savePattern?: string,
): Promise<string | null> {
  const request = backup.request;
  const refusal = replayRefusal(request, tabUrl, savePattern);
  if (refusal || !request) return refusal ?? 'This backup has no save request to send again';
  const disagreement = fieldsDisagreement(backup);
  if (disagreement) return disagreement;
  if (await savedHereTo(journal, workspace, backup.type, request, tabUrl)) return null;
  const { pathname } = new URL(request.url, tabUrl);
  return `This browser never saw the dashboard save ${backup.title} by ${request.method} ${pathname}, so Savepoint does not send it. Open the page that shows these settings and restore there`;
}
