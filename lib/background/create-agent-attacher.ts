import { browser } from 'wxt/browser';
import { readWatched } from '../storage';
import { SECOND } from '../time';
import { findDashboard } from '../watch/find-dashboard';
import { CAPTURE_SCRIPT } from './ensure-page-agents';

/**
 * (ms) after a dashboard's document arrived that its capture agent is given even if the page has not finished
 * loading (a slow image or a long poll holding the load event): a user may already be changing settings.
 */
export const ATTACH_FALLBACK = 2 * SECOND;

/** What the attacher needs from the browser (a seam for tests). */
export interface AttacherDeps {
  /** Whether the tab's page is complete (loaded) now. */
  isComplete(tabId: number): Promise<boolean>;
  /** Calls `listener` whenever a tab finishes loading; returns how to stop. */
  onComplete(listener: (tabId: number) => void): () => void;
  /** Whether `url` is a watched dashboard's page. */
  isWatched(url: string): Promise<boolean>;
  /** Injects the capture agent into the tab's top frame (it claims the page, so a second copy does nothing). */
  inject(tabId: number): Promise<unknown>;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Gives each watched dashboard page its capture agent once the page has loaded, instead of a registered
 * `document_idle` script: Chromium runs those right before the load event, so the isolated world's creation and
 * the script's run sat on every dashboard load (the bench's page-load row). Only the MAIN-world bridge loads with
 * the page, since it must wrap `fetch` before the page's own scripts; the agent is needed once a user can act.
 *
 * Told of each top-level document a watched origin sends (`webRequest`, which sees only the origins Savepoint is
 * granted), it listens to tab loads only while such a page is loading, so other browsing never wakes the worker.
 */
export function createAgentAttacher(deps: AttacherDeps) {
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const loading = new Map<number, unknown>();
  let stopListening: (() => void) | null = null;

  function attach(tabId: number) {
    if (!loading.has(tabId)) return;
    clearTimer(loading.get(tabId));
    loading.delete(tabId);
    if (loading.size === 0) {
      stopListening?.();
      stopListening = null;
    }
    // A closed tab, or a page Savepoint may no longer access: its next load tries again.
    deps.inject(tabId).catch(() => undefined);
  }

  async function documentArrived(tabId: number, url: string): Promise<void> {
    if (tabId < 0 || !(await deps.isWatched(url))) return;
    if (loading.has(tabId)) clearTimer(loading.get(tabId));
    loading.set(
      tabId,
      setTimer(() => attach(tabId), ATTACH_FALLBACK),
    );
    stopListening ??= deps.onComplete(attach);
    // A fast page may have loaded before this heard of its document.
    if (await deps.isComplete(tabId).catch(() => false)) attach(tabId);
  }

  return {
    /** A top-level document from `url` finished arriving in the tab (the page starts loading it). */
    documentArrived,
    /** Tabs whose agent waits for their page to load (for tests). */
    waiting: () => [...loading.keys()],
  };
}

export type AgentAttacher = ReturnType<typeof createAgentAttacher>;

/** The attacher on the browser's tabs and scripting APIs. */
export function createBrowserAgentAttacher(): AgentAttacher {
  return createAgentAttacher({
    isComplete: async (tabId) => (await browser.tabs.get(tabId)).status === 'complete',
    onComplete(listener) {
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (change.status === 'complete') listener(tabId);
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => browser.tabs.onUpdated.removeListener(onUpdated);
    },
    isWatched: async (url) => findDashboard(await readWatched(), url) !== null,
    inject: (tabId) =>
      browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] }),
  });
}
