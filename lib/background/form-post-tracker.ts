import { SECOND } from '../time';

/** (ms) a form submit and its navigation response may be apart and still be paired. */
export const PAIRING_WINDOW = 30 * SECOND;

interface Submitted<T> {
  tabId: number;
  url: string;
  payload: T;
  at: number;
}

interface Answered {
  tabId: number;
  url: string;
  status: number;
  at: number;
}

function sameUrl(a: string, b: string): boolean {
  try {
    const left = new URL(a);
    const right = new URL(b);
    return left.origin === right.origin && left.pathname === right.pathname && left.search === right.search;
  } catch {
    return false;
  }
}

/**
 * Pairs a classic form post seen by the content script with the navigation response seen by `webRequest`,
 * whichever comes first, so only posts the server accepted (2xx, or a redirect after the post) are captured.
 */
export function createFormPostTracker<T>(onAccepted: (payload: T, tabId: number) => void, now = Date.now) {
  let submitted: Submitted<T>[] = [];
  let answered: Answered[] = [];

  function expire() {
    const cutoff = now() - PAIRING_WINDOW;
    submitted = submitted.filter((entry) => entry.at >= cutoff);
    answered = answered.filter((entry) => entry.at >= cutoff);
  }

  function settle(entry: Submitted<T>, status: number) {
    submitted = submitted.filter((other) => other !== entry);
    if (status >= 200 && status < 400) onAccepted(entry.payload, entry.tabId);
  }

  return {
    /** The content script saw a native form submit to `url`. */
    submitted(tabId: number, url: string, payload: T) {
      expire();
      const entry = { tabId, url, payload, at: now() };
      const response = answered.find((other) => other.tabId === tabId && sameUrl(other.url, url));
      if (response) {
        answered = answered.filter((other) => other !== response);
        settle(entry, response.status);
      } else {
        submitted.push(entry);
      }
    },
    /** `webRequest` saw the response to a POST navigation (status of the response, 3xx for a redirect). */
    answered(tabId: number, url: string, status: number) {
      expire();
      const entry = submitted.find((other) => other.tabId === tabId && sameUrl(other.url, url));
      if (entry) settle(entry, status);
      else answered.push({ tabId, url, status, at: now() });
    },
    /** The POST failed at the network level: nothing was saved. */
    failed(tabId: number, url: string) {
      submitted = submitted.filter((other) => !(other.tabId === tabId && sameUrl(other.url, url)));
    },
  };
}
