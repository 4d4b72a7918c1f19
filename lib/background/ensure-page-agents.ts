import { browser } from 'wxt/browser';

/**
 * Gives a watched dashboard tab its bridge and capture script when the browser did not: a page that loaded before
 * the browser had loaded Savepoint's registered scripts (right after a browser start), or one whose scripts belong
 * to a previous version (after an update). Both scripts are safe to inject twice.
 */
export async function ensurePageAgents(tabId: number): Promise<void> {
  const target = { tabId, frameIds: [0] };
  const [probe] = await browser.scripting.executeScript({
    target,
    world: 'MAIN',
    func: () => Object.prototype.hasOwnProperty.call(window, Symbol.for('savepoint.bridge.installed')),
  });
  if (probe?.result !== true) {
    await browser.scripting.executeScript({ target, world: 'MAIN', files: ['/content-scripts/bridge.js'] });
  }
  await browser.scripting.executeScript({ target, files: ['/capture.js'] });
}
