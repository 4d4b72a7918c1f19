import type { BackupRecord } from '../../../lib/journal/backup-record';
import type { FirstScreen } from '../../../lib/popup/read-first-screen';
import { backupRecord } from '../support/backup-record-fixture';

/** The first screen of workspace acme with these backups (each a bot-names backup unless it says otherwise). */
export function firstScreen(records: Partial<BackupRecord>[], capturedAt: number): FirstScreen {
  return {
    workspace: 'acme',
    choice: false,
    records: records.map((extra, index) =>
      backupRecord({ id: `r${index}`, contentHash: `h${index}`, capturedAt, ...extra }),
    ),
    status: undefined,
    configured: false,
    refusal: null,
    footer: null,
  };
}

/** The popup's two elements, in the document: the first screen's cover and the React popup's root. */
export function coverAndRoot(): { cover: HTMLElement; root: HTMLElement } {
  const cover = document.createElement('div');
  const root = document.createElement('div');
  document.body.append(cover, root);
  return { cover, root };
}
