import { sendToTab } from '../messaging/send-message';
import { SECOND, sleep } from '../time';
import { isTabLoading } from './when-loaded';

/** (ms) a restore waits at most for a dashboard page's capture agent while the page loads (a slow answer page). */
export const AGENT_WAIT = 15 * SECOND;
/** (ms) it waits once the page has loaded: the agent is given at the load (create-agent-attacher), 2 s at the latest. */
export const AGENT_AFTER_LOAD = 3 * SECOND;
/** (ms) between two asks. */
const ASK_INTERVAL = 250;

/** Chromium's words when a tab has no content script listening (Firefox: "Could not establish connection"). */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

export interface AskDeps {
  ask: (tabId: number) => Promise<unknown>;
  isLoading: (tabId: number) => Promise<boolean>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaults: AskDeps = {
  ask: (tabId) => sendToTab(tabId, 'tab:collect', {}),
  isLoading: isTabLoading,
};

/**
 * Asks a dashboard tab's capture agent for its sections, waiting for the agent while the page is between two
 * documents: right after a form save (the dashboard's redirect answered, its form not yet sent again) the page has
 * none, and "Undo restore" pressed then failed with the browser's "Receiving end does not exist".
 */
export async function askWhenReady(tabId: number, deps: AskDeps = defaults): Promise<unknown> {
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? sleep;
  const start = now();
  let loadedAt: number | null = null;
  for (;;) {
    try {
      return await deps.ask(tabId);
    } catch (error) {
      if (!(error instanceof Error) || !NO_RECEIVER.test(error.message)) throw error;
    }
    const loading = await deps.isLoading(tabId).catch(() => false);
    loadedAt = loading ? null : (loadedAt ?? now());
    if (now() - start >= AGENT_WAIT || (loadedAt !== null && now() - loadedAt >= AGENT_AFTER_LOAD)) {
      throw new Error(
        'The dashboard page is not ready for Savepoint (it was open before it was watched, or it is still loading): reload it, then try again',
      );
    }
    await wait(ASK_INTERVAL);
  }
}
