import type { Snapshot } from '../capture/snapshot';
import type { ApplyReport, FieldReport } from '../messaging/apply-report';
import type { PageResponse } from '../page/restore-agent/page-requests';
import { verifyKept } from '../restore/verify-kept';
import { verifyAgainstRead } from '../restore/verify-against-read';
import type { Recorded } from './create-capture-service';
import { readCurrent } from './restore-by-request';

/** How a restore through the page reads back what the dashboard holds after its save. */
export interface ReadBack {
  /** A resource of the dashboard, read from its tab with the user's session. */
  read: (tabId: number, url: string) => Promise<PageResponse>;
  /** The section as the tab shows it once the page the dashboard answered a form post with has settled. */
  shown: (tabId: number) => Promise<Snapshot | null>;
}

/**
 * A restore's fields checked against the dashboard after its save was accepted: a posted form by the page the
 * dashboard answered with; a save request by a read of its address, where the dashboard serves the section there.
 * Without either (a page that does not show the form again, no JSON resource, a read that fails), the fields as
 * the save's capture left them.
 */
export async function checkAfterSave(
  readBack: ReadBack,
  tabId: number,
  saved: Recorded,
  fields: FieldReport[],
): Promise<Pick<ApplyReport, 'fields' | 'verifiedBy'>> {
  if (saved.snapshot.trigger.kind === 'form') {
    // A post answered with the form drawn again may show what was posted, whatever the server kept; after a
    // redirect the page is a fresh read of what it holds.
    const shown = saved.redirected ? await readBack.shown(tabId).catch(() => null) : null;
    if (shown) return { fields: verifyKept(fields, shown), verifiedBy: 'page' };
  } else if (saved.snapshot.request?.body) {
    const after = await readCurrent({ read: readBack.read }, tabId, saved.snapshot).catch(() => undefined);
    if (after !== undefined) return { fields: verifyAgainstRead(fields, after), verifiedBy: 're-read' };
  }
  return { fields };
}
