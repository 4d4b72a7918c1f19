import { browser } from 'wxt/browser';
import type { Snapshot } from '../capture/snapshot';
import type { ApplyReport } from '../restore/apply-report';

/** Fills a dashboard tab with a backup and triggers its save, with the restore agent injected on demand. */
export async function applyInTab(tabId: number, snapshot: Snapshot, fields?: string[]): Promise<ApplyReport> {
  const target = { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: ['/restore-agent.js'] });
  const [result] = await browser.scripting.executeScript({
    target,
    func: (s: Snapshot, f: string[] | null) =>
      (
        globalThis as { __savepointRestore?: (s: Snapshot, f: string[] | null) => ApplyReport }
      ).__savepointRestore?.(s, f),
    args: [snapshot, fields ?? null],
  });
  const report = result?.result as ApplyReport | undefined;
  if (!report) throw new Error('The dashboard page could not be restored');
  return report;
}
