import type { CapturedField, Snapshot } from '../../capture/snapshot';
import type { ApplyReport } from '../../messaging/apply-report';
import type { PageResponse, PageSave } from './page-requests';

/** The global the restore agent sets in the dashboard tab's isolated world. */
export const RESTORE_AGENT = '__savepointRestore';

/** What the restore agent does in a dashboard tab, when the background asks. */
export interface RestoreAgent {
  /** Puts the page's unsaved edits back as saved, fills the section's fields and presses its own save. */
  apply(snapshot: Snapshot, fields: string[] | null, putBack: CapturedField[]): ApplyReport;
  /** Reads a resource of the dashboard (same origin), for the server's current state. */
  read(url: string): Promise<PageResponse>;
  /** Sends a planned save with the user's session and the page's fresh CSRF tokens. */
  send(save: PageSave): Promise<PageResponse>;
}
