import { sentBodyOf, type SentBody, type WebRequestBody } from '../page/bridge/sent-body';
import { SECOND } from '../time';

/** (ms) a form submit and its navigation response may be apart and still be paired. */
export const PAIRING_WINDOW = 30 * SECOND;

/** True when a post's body (as `webRequest` saw it) carries the values its submit reported. */
export type CarriesValues = (sent: SentBody) => Promise<boolean>;

interface Submitted<T> {
  tabId: number;
  url: string;
  payload: T;
  carries: CarriesValues;
  at: number;
}

interface Answered {
  tabId: number;
  url: string;
  status: number;
  /** The body the browser posted; absent when it was not seen. */
  body?: SentBody;
  at: number;
}

interface Posted {
  requestId: string;
  tabId: number;
  url: string;
  body: SentBody;
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
 * whichever comes first, so only posts the server accepted (2xx, or a redirect after the post) are captured, and
 * only when the body the browser posted carries the values the content script read (a page can fill a form with
 * anything and post something else).
 */
export function createFormPostTracker<T>(onAccepted: (payload: T, tabId: number) => void, now = Date.now) {
  let submitted: Submitted<T>[] = [];
  let answered: Answered[] = [];
  let posted: Posted[] = [];

  function expire() {
    const cutoff = now() - PAIRING_WINDOW;
    submitted = submitted.filter((entry) => entry.at >= cutoff);
    answered = answered.filter((entry) => entry.at >= cutoff);
    posted = posted.filter((entry) => entry.at >= cutoff);
  }

  /** The body of the POST navigation an answer is for, taken so it pairs once. */
  function takeBody(tabId: number, url: string, requestId?: string): SentBody | undefined {
    const found =
      requestId === undefined
        ? posted.findLast((entry) => entry.tabId === tabId && sameUrl(entry.url, url))
        : posted.find((entry) => entry.requestId === requestId);
    posted = posted.filter((entry) => entry !== found);
    return found?.body;
  }

  async function settle(entry: Submitted<T>, status: number, body: SentBody | undefined) {
    submitted = submitted.filter((other) => other !== entry);
    if (status < 200 || status >= 400) return;
    if (!body || !(await entry.carries(body))) {
      console.warn(
        'Savepoint: a form post did not carry the values its page showed; not captured',
        entry.url,
      );
      return;
    }
    onAccepted(entry.payload, entry.tabId);
  }

  const report = (error: unknown) => console.warn('Savepoint:', error);

  return {
    /** The browser is posting a form navigation (`onBeforeRequest` of a `main_frame` POST), with its body. */
    posted(requestId: string, tabId: number, url: string, body: WebRequestBody | null | undefined) {
      expire();
      posted.push({ requestId, tabId, url, body: sentBodyOf(body), at: now() });
    },
    /** The content script saw a native form submit to `url`; `carries` holds its values against the body. */
    submitted(tabId: number, url: string, payload: T, carries: CarriesValues) {
      expire();
      const entry = { tabId, url, payload, carries, at: now() };
      const response = answered.find((other) => other.tabId === tabId && sameUrl(other.url, url));
      if (response) {
        answered = answered.filter((other) => other !== response);
        void settle(entry, response.status, response.body).catch(report);
      } else {
        submitted.push(entry);
      }
    },
    /** `webRequest` saw the response to a POST navigation (status of the response, 3xx for a redirect). */
    answered(tabId: number, url: string, status: number, requestId?: string) {
      expire();
      const body = takeBody(tabId, url, requestId);
      const entry = submitted.find((other) => other.tabId === tabId && sameUrl(other.url, url));
      if (entry) void settle(entry, status, body).catch(report);
      else answered.push({ tabId, url, status, ...(body ? { body } : {}), at: now() });
    },
    /** The POST failed at the network level: nothing was saved. */
    failed(tabId: number, url: string) {
      submitted = submitted.filter((other) => !(other.tabId === tabId && sameUrl(other.url, url)));
      posted = posted.filter((other) => !(other.tabId === tabId && sameUrl(other.url, url)));
    },
  };
}
