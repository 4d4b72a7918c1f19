// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryEntry } from '../../../components/popup/HistoryEntry';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import type { EntryConfirm } from '../../../lib/popup/use-entry-actions';
import { backupRecord } from '../support/backup-record-fixture';
import { NO_ENTRY_HANDLERS } from '../support/entry-handlers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

/** What an entry's open Delete confirm asks, for a backup in this state. */
function deleteQuestion(record: BackupRecord): string {
  return entry(record, 'delete').querySelector('[aria-label="Confirm delete"] span')?.textContent ?? '';
}

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

describe('the Delete confirm says what goes', () => {
  it('a backup only on this device', () => {
    expect(deleteQuestion(backupRecord({ id: 'a', outbox: 'pending' }))).toBe('Delete this backup?');
  });

  it('a backup in Convex: there too, for every device', () => {
    expect(deleteQuestion(backupRecord({ id: 'b', outbox: 'synced' }))).toBe(
      'Delete this backup here and in Convex, for every device?',
    );
    expect(deleteQuestion(backupRecord({ id: 'c', outbox: 'remote' }))).toBe(
      'Delete this backup here and in Convex, for every device?',
    );
  });

  it('a pinned backup: says it is pinned', () => {
    expect(deleteQuestion(backupRecord({ id: 'd', outbox: 'pending', pinned: true }))).toBe(
      'Delete this pinned backup?',
    );
  });
});

/** The entry for `record`, with `confirming` open. */
function entry(record: BackupRecord, confirming: EntryConfirm | null = null): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  root = createRoot(element);
  act(() =>
    root?.render(
      <HistoryEntry
        record={record}
        now={0}
        sync={{ state: 'synced' } as never}
        selected={false}
        confirming={confirming}
        adminRefusal={null}
        {...NO_ENTRY_HANDLERS}
      />,
    ),
  );
  return element;
}

const RECOUNT = {
  pageUrl: 'http://127.0.0.1:4410/acme/settings',
  request: { method: 'POST' as const, url: '/api/workspaces/acme/bots/42/recount' },
};

describe('"Not a save" says which request it stops capturing', () => {
  it('names the request, as the rule it adds', () => {
    const question = entry(backupRecord({ id: 'a', outbox: 'pending', place: RECOUNT }), 'not-a-save');
    expect(question.querySelector('[aria-label="Confirm not a settings save"] span')?.textContent).toBe(
      'Remove this backup and stop capturing POST /api/workspaces/:workspace/bots/:id/recount?',
    );
  });

  it("a pulled backup: the request stops being captured in this browser, and other devices' copies stay", () => {
    const question = entry(backupRecord({ id: 'b', outbox: 'remote', place: RECOUNT }), 'not-a-save');
    expect(question.querySelector('[aria-label="Confirm not a settings save"] span')?.textContent).toBe(
      'Remove this backup here and stop capturing POST /api/workspaces/:workspace/bots/:id/recount in this browser? The copy in Convex stays.',
    );
  });

  it('is not offered for a backup no request made (a form post Savepoint saw as a page load)', () => {
    const form = entry(backupRecord({ id: 'c', place: { pageUrl: RECOUNT.pageUrl } }));
    const buttons = (root: HTMLElement) =>
      [...root.querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons(form)).not.toContain('Not a save');
    const fetched = entry(backupRecord({ id: 'd', place: RECOUNT }));
    expect(buttons(fetched)).toContain('Not a save');
  });
});

describe('a screen reader tells backups of one section apart', () => {
  /** The text of the elements `element`'s `attribute` names by id, as a screen reader joins them. */
  const named = (element: Element, attribute: string) =>
    (element.getAttribute(attribute) ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');

  it('each button is named by what it shows, and told of the backup by its section, label and time', () => {
    const shown = entry(
      backupRecord({ id: 'e', label: 'Before upgrade', capturedAt: -3 * 60_000, place: RECOUNT }),
    );
    const buttons = [...shown.querySelectorAll('.entry-actions button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Restore',
      'Diff',
      'Pin',
      'Delete',
      'Not a save',
    ]);
    for (const button of buttons) {
      // A voice-control user says what the button shows ("click Not a save"): its name is that text.
      expect(button.getAttribute('aria-label')).toBeNull();
      expect(named(button, 'aria-describedby')).toBe('Bot names Before upgrade 3 minutes ago');
    }
    expect(named(shown.querySelector('.entry-select') as Element, 'aria-describedby')).toBe(
      'Bot names Before upgrade 3 minutes ago',
    );
  });

  it('a backup without a label: its section and time', () => {
    const shown = entry(backupRecord({ id: 'f', capturedAt: -60 * 60_000 }));
    expect(named(shown.querySelector('.entry-actions button') as Element, 'aria-describedby')).toBe(
      'Bot names 1 hour ago',
    );
  });

  it('a title cut short in a narrow popup names itself whole in its tooltip', () => {
    const title = 'Notification routing and escalation policies for the night shift';
    const shown = entry(backupRecord({ id: 'g', title }));
    expect(shown.querySelector('.entry-title')?.getAttribute('title')).toBe(title);
  });
});
