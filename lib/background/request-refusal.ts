import { withoutBidiControls } from '../capture/clean-text';
import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import type { WatchedDashboard } from '../storage';
import { fieldsDisagreement } from '../restore/fields-disagreement';
import { replayRefusal } from '../restore/replay-refusal';
import { savedHereTo } from './saved-here-to';

/** What the check reads: the journal, and the watched list a capture's page must belong to. */
export interface RefusalDeps {
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>;
  watched: () => Promise<WatchedDashboard[]>;
}

/** The backup whose save request would be sent, and where from. */
export interface RefusalInput {
  workspace: string;
  backup: Snapshot;
  tabUrl: string;
  savePattern?: string | undefined;
  /** The backup was made in this browser (not pulled, not imported): its own request was checked when it was. */
  madeHere: boolean;
}

/**
 * Why a backup's save request must not be sent from the dashboard tab at `tabUrl`, or null when it may: the
 * dashboard's rules (replay-refusal.ts), fields that agree with the body that would be sent, and an address this
 * browser saw the dashboard save the section to itself (the backup's own, when this browser made it). The preview
 * and the restore ask the same question.
 */
export async function requestRefusal(deps: RefusalDeps, input: RefusalInput): Promise<string | null> {
  const { backup } = input;
  const request = backup.request;
  const refusal = replayRefusal(request, input.tabUrl, input.savePattern);
  if (refusal || !request) return refusal ?? 'This backup has no save request to send again';
  const disagreement = fieldsDisagreement(backup);
  if (disagreement) return disagreement;
  if (input.madeHere) return null;
  if (await savedHereTo(deps, input.workspace, backup.type, request, input.tabUrl)) return null;
  const { pathname } = new URL(request.url, input.tabUrl);
  const title = withoutBidiControls(backup.title);
  return `In this browser, Savepoint has not seen ${title} saved by ${request.method} ${pathname}, so it does not send that request. Save ${title} once on the dashboard here, or open the page with its form, then restore again`;
}
