import { useState } from 'react';
import type { Journal } from '../journal/create-journal';
import { bundleFileName, exportBundle } from '../journal/export-bundle';
import type { ImportReport } from '../messaging';
import { sendMessage } from '../messaging/send-message';
import { downloadJson } from './download-json';

/** "2 added, 1 identical, 0 invalid", then "1 conflicting: kept the backup already here" when there are any. */
export function importSummary(report: ImportReport): string {
  const counts = `${report.added} added, ${report.identical} identical, ${report.invalid.length} invalid`;
  if (report.conflicting === 0) return counts;
  const kept = report.conflicting === 1 ? 'the backup' : 'the backups';
  return `${counts}, ${report.conflicting} conflicting: kept ${kept} already here`;
}

/** Export of a workspace's backups (all or the ticked ones) to a file, and import of a bundle file. */
export function useBundleTransfer(journal: Journal | null, workspace: string | null, selected: Set<string>) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; details: string[] } | null>(null);

  async function exportFile() {
    if (!journal || !workspace || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const bundle = await exportBundle(journal, workspace, selected.size ? [...selected] : undefined);
      downloadJson(bundle, bundleFileName(workspace));
      const count = bundle.backups.length;
      setMessage({ ok: true, text: `Exported ${count} ${count === 1 ? 'backup' : 'backups'}`, details: [] });
    } catch (error) {
      setMessage({ ok: false, text: `Export failed: ${(error as Error).message}`, details: [] });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await file.text());
      } catch {
        setMessage({ ok: false, text: `${file.name} is not a JSON file`, details: [] });
        return;
      }
      const report = await sendMessage('backup:import', { bundle });
      setMessage({
        ok: report.invalid.length === 0,
        text: importSummary(report) + (report.invalid.length ? ': nothing was imported' : ''),
        details: report.invalid
          .slice(0, 5)
          .map((entry) => (entry.index >= 0 ? `Entry ${entry.index + 1}: ${entry.reason}` : entry.reason)),
      });
    } catch (error) {
      setMessage({ ok: false, text: `Import failed: ${(error as Error).message}`, details: [] });
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, exportFile, importFile };
}
