import { browser } from 'wxt/browser';

/** The capture agent's file, injected into a dashboard's top frame (never registered: see create-agent-attacher). */
export const CAPTURE_SCRIPT = '/capture.js';

/**
 * Gives a watched dashboard tab its bridge and capture script when the browser did not: a page that loaded before
 * the browser had loaded Savepoint's registered scripts (right after a browser start), or one whose scripts belong
 * to a previous version (after an update). A page that runs both already gets nothing: this is asked for every
 * dashboard load for a minute after a start, and injecting the capture script again cost each load its parse and
 * run (the bench's page load row).
 */
export async function ensurePageAgents(
  tabId: number,
  scripting: Pick<typeof browser.scripting, 'executeScript'> = browser.scripting,
): Promise<void> {
  const target = { tabId, frameIds: [0] };
  // Probes run in the page: they are serialized, so they name the marks' symbols rather than import them.
  const [bridge] = await scripting.executeScript({
    target,
    world: 'MAIN',
    func: () => Object.prototype.hasOwnProperty.call(globalThis, Symbol.for('savepoint.bridge.installed')),
  });
  if (bridge?.result !== true) {
    await scripting.executeScript({ target, world: 'MAIN', files: ['/content-scripts/bridge.js'] });
  }
  // The isolated world is the extension's, shared by every version: an updated version's agent is there, not live.
  const [agent] = await scripting.executeScript({
    target,
    func: () => {
      const mark = (globalThis as Record<symbol, unknown>)[Symbol.for('savepoint.capture.agent')];
      return typeof mark === 'function' && mark() === true;
    },
  });
  if (agent?.result !== true) await scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
}
