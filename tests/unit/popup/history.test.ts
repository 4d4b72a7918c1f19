import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { filterEntries, sectionsOf } from '../../../lib/popup/filter-entries';
import { defaultSelection, isRestorable } from '../../../lib/popup/restorable-fields';
import { previousOfSection } from '../../../lib/popup/use-diff';
import type { FieldChange } from '../../../lib/diff/diff-snapshots';
import { backupRecord } from '../support/backup-record-fixture';

function record(id: string, type: string, extra: Partial<BackupRecord> = {}): BackupRecord {
  return backupRecord({
    id,
    type,
    title: type === 'brain' ? 'Brain' : 'Bot names',
    device: 'test',
    ...extra,
  });
}

// Newest first, as the journal lists them.
const records = [
  record('r4', 'bot-names', { label: 'After launch' }),
  record('r3', 'brain', { note: 'Launch prompt' }),
  record('r2', 'bot-names'),
  record('r1', 'brain'),
];

describe('history helpers', () => {
  it('filters by section and by label or note, case-insensitively', () => {
    expect(filterEntries(records, { section: '', search: '' })).toBe(records);
    expect(filterEntries(records, { section: 'brain', search: '' }).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(filterEntries(records, { section: '', search: 'LAUNCH' }).map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(filterEntries(records, { section: 'brain', search: 'launch' }).map((r) => r.id)).toEqual(['r3']);
  });

  it('lists the sections by title', () => {
    expect(sectionsOf(records)).toEqual([
      { type: 'bot-names', title: 'Bot names' },
      { type: 'brain', title: 'Brain' },
    ]);
  });

  it('finds the previous backup of the same section', () => {
    expect(previousOfSection(records, records[0]!)?.id).toBe('r2');
    expect(previousOfSection(records, records[3]!)).toBeUndefined();
  });

  it('ticks the restorable fields that differ from the page', () => {
    const change = (key: string, kind: FieldChange['kind'], secret?: FieldChange['secret']): FieldChange => ({
      key,
      label: key,
      kind,
      before: 'a',
      after: kind === 'removed' ? undefined : 'b',
      ...(secret ? { secret } : {}),
    });
    const changes = [
      change('name', 'changed'),
      change('greeting', 'unchanged'),
      change('token', 'changed', 'changed'),
      change('gone', 'removed'),
      change('new', 'added'),
    ];
    expect([...defaultSelection(changes)]).toEqual(['name', 'new']);
    // Against the dashboard's own read, a value the read does not show is offered, not ticked.
    expect([...defaultSelection(changes, 'server')]).toEqual(['name']);
    expect(changes.map(isRestorable)).toEqual([true, true, false, false, true]);
  });
});
