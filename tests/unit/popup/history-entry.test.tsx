import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryEntry } from '../../../components/popup/HistoryEntry';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { backupRecord } from '../support/backup-record-fixture';
import { NO_ENTRY_HANDLERS } from '../support/entry-handlers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

/** What an entry's open Delete confirm asks, for a backup in this state. */
function deleteQuestion(record: BackupRecord): string {
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
        confirming="delete"
        adminRefusal={null}
        {...NO_ENTRY_HANDLERS}
      />,
    ),
  );
  return element.querySelector('[aria-label="Confirm delete"] span')?.textContent ?? '';
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
