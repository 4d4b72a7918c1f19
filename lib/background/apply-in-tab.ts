import { browser } from 'wxt/browser';
import type { CapturedField, Snapshot } from '../capture/snapshot';
import type { ApplyReport } from '../messaging/apply-report';
import type { PageResponse, PageSave } from '../page/restore-agent/page-requests';
import { RESTORE_AGENT, type RestoreAgent } from '../page/restore-agent/restore-agent-api';

type Call = {
  [K in keyof RestoreAgent]: { method: K; args: Parameters<RestoreAgent[K]> };
}[keyof RestoreAgent];

/** Injects the restore agent into a dashboard tab's top frame. */
async function injectAgent(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/restore-agent.js'] });
}

/** Runs one call of the restore agent in a dashboard tab's top frame, injecting the agent first. */
async function callAgent(tabId: number, call: Call): Promise<unknown> {
  await injectAgent(tabId);
  return await runAgent(tabId, call);
}

/** Runs one call of the restore agent, injected already, in a dashboard tab's top frame. */
async function runAgent(tabId: number, call: Call): Promise<unknown> {
  const target = { tabId, frameIds: [0] };
  const [result] = await browser.scripting.executeScript({
    target,
    func: (name: string, method: string, args: unknown[]) => {
      const agent = (globalThis as Record<string, unknown>)[name] as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      return agent?.[method]?.(...args);
    },
    args: [RESTORE_AGENT, call.method, call.args as unknown[]],
  });
  return result?.result;
}

/**
 * Fills a dashboard tab with a backup and triggers its save, with the restore agent injected on demand; `putBack`
 * are the page's unsaved edits as the dashboard saved them, put back first.
 */
export async function applyInTab(
  tabId: number,
  snapshot: Snapshot,
  fields?: string[],
  putBack: CapturedField[] = [],
): Promise<ApplyReport> {
  const report = (await callAgent(tabId, { method: 'apply', args: [snapshot, fields ?? null, putBack] })) as
    ApplyReport | undefined;
  if (!report) throw new Error('The dashboard page could not be restored');
  return report;
}

/** Reads a resource of the dashboard from its tab, with the user's session. */
export async function readInTab(tabId: number, url: string): Promise<PageResponse> {
  const response = (await callAgent(tabId, { method: 'read', args: [url] })) as PageResponse | undefined;
  return response ?? { ok: false, status: 0 };
}

/** Sends a planned save from the dashboard's tab, with the user's session and the page's CSRF tokens. */
export async function sendInTab(tabId: number, save: PageSave): Promise<PageResponse> {
  await injectAgent(tabId);
  // The page closed or reloaded while the save was on its way ("Frame with ID 0 was removed"): no answer, which
  // leaves whether the dashboard kept it unknown (and the way back kept), rather than an error with no report.
  const response = (await runAgent(tabId, { method: 'send', args: [save] }).catch(() => undefined)) as
    PageResponse | undefined;
  return response ?? { ok: false, status: 0 };
}
