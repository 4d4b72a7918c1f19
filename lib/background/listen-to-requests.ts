import { browser } from 'wxt/browser';
import type { CaptureService } from './create-capture-service';
import type { FormPosts } from './create-handlers';
import { IGNORED_METHODS, type RequestLedger } from './create-request-ledger';

/** What the browser's own view of requests feeds. */
export interface RequestWitnesses {
  forms: FormPosts;
  ledger: RequestLedger;
  /** Told of writes sent, and of those answered with an error status: a restore waiting for its save hears so. */
  capture: Pick<CaptureService, 'requestSent' | 'requestRefused'>;
}

/**
 * Registers the `webRequest` listeners (synchronously, so that a save wakes the worker): form posts' bodies and
 * navigation answers for the form-post tracker and the documents that need a capture agent, and XHR/fetch bodies
 * and statuses for the request ledger. They only ever see origins Savepoint holds a host permission for (in the
 * release, the watched dashboards).
 */
export function listenToRequests(
  withWitnesses: (work: (w: RequestWitnesses) => unknown) => void,
  pages: {
    documentArrived: (tabId: number, url: string) => void;
    requestSeen: (tabId: number, documentId: string | undefined) => void;
  },
): void {
  // Absent only from a manifest without the permission (the bench's breakdown rows): then nothing is confirmed.
  const webRequest = browser.webRequest as typeof browser.webRequest | undefined;
  if (!webRequest) return;
  // Only the top frame's navigations: a form post into a sub-frame (a hidden analytics frame) is never a save.
  const filter = { urls: ['<all_urls>'], types: ['main_frame' as const] };
  // A form post's navigation answered (a redirect after the post, or the page itself): pair it with its submit.
  const answered = (details: {
    method: string;
    tabId: number;
    url: string;
    statusCode: number;
    requestId: string;
  }) => {
    if (details.method === 'POST') {
      const { tabId, url, statusCode, requestId } = details;
      withWitnesses((w) => w.forms.answered(tabId, url, statusCode, requestId));
    }
  };
  // A form post's body, to hold its submit's values against; any other navigation returns at once.
  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.method !== 'POST') return undefined;
      const { requestId, tabId, url, requestBody } = details;
      withWitnesses((w) => w.forms.posted(requestId, tabId, url, requestBody));
      return undefined;
    },
    filter,
    ['requestBody'],
  );
  webRequest.onBeforeRedirect.addListener(answered, filter);
  webRequest.onCompleted.addListener((details) => {
    answered(details);
    // Any page of a watched origin that loads gets its capture agent after the load (create-agent-attacher.ts).
    if (details.statusCode < 400) pages.documentArrived(details.tabId, details.url);
  }, filter);
  webRequest.onErrorOccurred.addListener((details) => {
    if (details.method === 'POST') withWitnesses((w) => w.forms.failed(details.tabId, details.url));
  }, filter);
  const requests = { urls: ['<all_urls>'], types: ['xmlhttprequest' as const] };
  // Not blocking: the body the browser sends is noted, the request goes on at once.
  webRequest.onBeforeRequest.addListener(
    (details) => {
      // A document its service worker served has no document request: its first request tells of it.
      if (details.tabId >= 0 && details.frameId === 0) pages.requestSeen(details.tabId, details.documentId);
      if (details.tabId >= 0 && !IGNORED_METHODS.has(details.method)) {
        const { requestId, tabId, method, url, requestBody, frameId } = details;
        withWitnesses((w) => {
          w.ledger.sent(requestId, tabId, method, url, requestBody, frameId);
          w.capture.requestSent(tabId, method, url, requestId);
        });
      }
      return undefined;
    },
    requests,
    ['requestBody'],
  );
  webRequest.onHeadersReceived.addListener((details) => {
    if (details.tabId >= 0 && !IGNORED_METHODS.has(details.method)) {
      const { requestId, tabId, method, url, statusCode, frameId } = details;
      withWitnesses((w) => {
        w.ledger.saw(tabId, method, url, statusCode, requestId, frameId);
        if (statusCode >= 400) w.capture.requestRefused(tabId, requestId, statusCode);
      });
    }
    return undefined;
  }, requests);
}
