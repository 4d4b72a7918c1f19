import type { BackupRecord } from '../journal/backup-record';

/** What the history is narrowed to: a section type ('' for all) and text searched in labels and notes. */
export interface HistoryFilter {
  section: string;
  search: string;
}

/** The backups that pass the filter, in their order (newest first). */
export function filterEntries(records: BackupRecord[], filter: HistoryFilter): BackupRecord[] {
  const search = filter.search.trim().toLowerCase();
  if (!filter.section && !search) return records;
  return records.filter(
    (record) =>
      (!filter.section || record.type === filter.section) &&
      (!search ||
        (record.label ?? '').toLowerCase().includes(search) ||
        (record.note ?? '').toLowerCase().includes(search)),
  );
}

/** The sections present in a history, as `{ type, title }`, sorted by title. */
export function sectionsOf(records: BackupRecord[]): { type: string; title: string }[] {
  const byType = new Map<string, string>();
  for (const record of records)
    if (!byType.has(record.type)) byType.set(record.type, record.title || record.type);
  return [...byType].map(([type, title]) => ({ type, title })).sort((a, b) => a.title.localeCompare(b.title));
}
