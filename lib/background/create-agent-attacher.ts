import { browser } from 'wxt/browser';
import { readWatched, type WatchedDashboard } from '../storage';
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
  /** The URL of the tab's page, when Savepoint may see it. */
  urlOf(tabId: number): Promise<string | undefined>;
  /**
   * Injects the capture agent into the tab's top frame, or into that document only (it claims the page, so a second
   * copy does nothing); returns the ids of the documents it went into.
   */
  inject(tabId: number, documentId?: string): Promise<string[]>;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Documents remembered as given an agent; the oldest are forgotten past this (a second copy does nothing). */
const REMEMBERED_DOCUMENTS = 1_000;

/**
 * Gives each watched dashboard page its capture agent once the page has loaded, instead of a registered
 * `document_idle` script: Chromium runs those right before the load event, so the isolated world's creation and
 * the script's run sat on every dashboard load (the bench's page-load row). Only the MAIN-world bridge loads with
 * the page, since it must wrap `fetch` before the page's own scripts; the agent is needed once a user can act.
 *
 * Told of each top-level document a watched origin sends (`webRequest`, which sees only the origins Savepoint is
 * granted), it listens to tab loads only while such a page is loading, so other browsing never wakes the worker.
 * A document its site's service worker served has no such request: the first fetch or XHR the page makes (seen by
 * the ledger's listeners, with the document's id) gives that document its agent instead.
 */
export function createAgentAttacher(deps: AttacherDeps) {
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  /** Tabs whose page is loading, with the fallback timer and, when known, the document to give the agent to. */
  const loading = new Map<number, { timer: unknown; documentId?: string }>();
  /** Documents given an agent (or about to be), oldest first. */
  const attached = new Set<string>();
  let stopListening: (() => void) | null = null;

  function remember(documentId: string) {
    attached.add(documentId);
    if (attached.size > REMEMBERED_DOCUMENTS) attached.delete(attached.values().next().value as string);
  }

  function attach(tabId: number) {
    const waiting = loading.get(tabId);
    if (!waiting) return;
    clearTimer(waiting.timer);
    loading.delete(tabId);
    if (loading.size === 0) {
      stopListening?.();
      stopListening = null;
    }
    // A closed tab, or a page Savepoint may no longer access: its next load tries again.
    deps.inject(tabId, waiting.documentId).then(
      (ids) => ids.forEach(remember),
      () => undefined,
    );
  }

  /** Gives the tab's page its agent once it has loaded (at the latest `ATTACH_FALLBACK` from now). */
  async function afterLoad(tabId: number, documentId?: string): Promise<void> {
    const previous = loading.get(tabId);
    if (previous) clearTimer(previous.timer);
    const timer = setTimer(() => attach(tabId), ATTACH_FALLBACK);
    loading.set(tabId, documentId ? { timer, documentId } : { timer });
    stopListening ??= deps.onComplete(attach);
    // A fast page may have loaded before this heard of its document.
    if (await deps.isComplete(tabId).catch(() => false)) attach(tabId);
  }

  async function documentArrived(tabId: number, url: string): Promise<void> {
    if (tabId < 0 || !(await deps.isWatched(url))) return;
    await afterLoad(tabId);
  }

  async function requestSeen(tabId: number, documentId: string | undefined): Promise<void> {
    if (tabId < 0 || !documentId || attached.has(documentId) || loading.has(tabId)) return;
    remember(documentId);
    const url = await deps.urlOf(tabId).catch(() => undefined);
    if (!url || !(await deps.isWatched(url))) return;
    await afterLoad(tabId, documentId);
  }

  return {
    /** A top-level document from `url` finished arriving in the tab (the page starts loading it). */
    documentArrived,
    /** The top frame's document `documentId` made a fetch or XHR request (it may have been served by no request). */
    requestSeen,
    /** Tabs whose agent waits for their page to load (for tests). */
    waiting: () => [...loading.keys()],
  };
}

export type AgentAttacher = ReturnType<typeof createAgentAttacher>;

/** The attacher on the browser's tabs and scripting APIs. */
export function createBrowserAgentAttacher(
  watched: () => Promise<WatchedDashboard[]> = readWatched,
): AgentAttacher {
  return createAgentAttacher({
    isComplete: async (tabId) => (await browser.tabs.get(tabId)).status === 'complete',
    onComplete(listener) {
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (change.status === 'complete') listener(tabId);
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => browser.tabs.onUpdated.removeListener(onUpdated);
    },
    isWatched: async (url) => findDashboard(await watched(), url) !== null,
    urlOf: async (tabId) => (await browser.tabs.get(tabId)).url,
    async inject(tabId, documentId) {
      const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
      const results = await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
      return results.flatMap((result) => (result.documentId ? [result.documentId] : []));
    },
  });
}
