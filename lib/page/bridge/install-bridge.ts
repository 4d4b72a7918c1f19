import { isReplayRequest, MAX_KEPT_SAVES, REPLAY_WINDOW, type BridgeMessage } from './bridge-protocol';
import { createAfterPageWork } from './after-page-work';
import { isSaveRequest } from './is-save-request';
import { wrapFetch } from './wrap-fetch';
import { wrapXhr } from './wrap-xhr';

/** Marks a window whose fetch/XHR are already wrapped; `Symbol.for` so a second copy of the script sees it too. */
export const BRIDGE_INSTALLED = Symbol.for('savepoint.bridge.installed');

/**
 * Wraps the page's fetch and XHR (MAIN world, `document_start`) to post a `saved` message for each same-site save
 * the server accepted. Returns false when the bridge was already installed in this window.
 */
export function installBridge(win: Window & typeof globalThis): boolean {
  if (Object.prototype.hasOwnProperty.call(win, BRIDGE_INSTALLED)) return false;
  Object.defineProperty(win, BRIDGE_INSTALLED, { value: true, enumerable: false });
  // Addressed to the page's own origin; the isolated side still treats it as an untrusted hint.
  const post = (message: BridgeMessage): void => win.postMessage(message, win.location.origin);
  // A report waits for the page's own work on the save's answer (after-page-work.ts).
  const afterPageWork = createAfterPageWork(win);
  // Until the capture agent asks for them (it arrives after the page's load), saves are also kept for it.
  let kept: BridgeMessage[] | null = [];
  const report = (message: BridgeMessage): void =>
    afterPageWork(() => {
      kept?.push(message);
      if (kept && kept.length > MAX_KEPT_SAVES) kept.shift();
      post(message);
    });
  const onReplayRequest = (event: MessageEvent): void => {
    if (event.source !== win || !kept || !isReplayRequest(event.data)) return;
    // Once: from now on the agent hears every save as it happens, and a second request replays nothing.
    const missed = kept.filter((message) => message.at >= Date.now() - REPLAY_WINDOW);
    kept = null;
    win.removeEventListener('message', onReplayRequest);
    missed.forEach(post);
  };
  win.addEventListener('message', onReplayRequest);
  // Coarse filter only: the isolated side applies the watched dashboard's savePattern.
  const isSave = (method: string, url: string): boolean => isSaveRequest(method, url, win.location.href);
  wrapFetch(win, report, isSave);
  wrapXhr(win, report, isSave);
  return true;
}
