import { sentBodyOf, type SentBody, type WebRequestBody } from '../page/bridge/sent-body';
import { SECOND } from '../time';
import type { AnswerPages } from './create-answer-pages';

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
  /** For a 2xx answer: whether its page showed the form accepted (see `answerPages`). */
  verdict?: Promise<boolean>;
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
 * whichever comes first, so only posts the server accepted (a redirect after the post, or 2xx whose page does not
 * send the form back with a field marked refused) are captured, and
 * only when the body the browser posted carries the values the content script read (a page can fill a form with
 * anything and post something else).
 */
export function createFormPostTracker<T>(
  /** `redirected`: the server answered with a redirect, so the page that follows is a fresh read of it. */
  onAccepted: (payload: T, tabId: number, redirected: boolean) => void,
  now = Date.now,
  /**
   * For a post answered 2xx (not redirected): whether the page that answers it shows the form accepted; a server
   * that refuses a value sends the form back with the field marked (DokuWiki). Without them, a 2xx is accepted.
   */
  answerPages?: Pick<AnswerPages, 'answered' | 'shown'>,
  /** A post the server answered with an error (4xx, 5xx): nothing is captured; a restore waiting for it says so. */
  onRefused?: (payload: T, tabId: number, status: number) => void,
) {
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

  async function settle(
    entry: Submitted<T>,
    status: number,
    body: SentBody | undefined,
    verdict?: Promise<boolean>,
  ) {
    submitted = submitted.filter((other) => other !== entry);
    if (status < 200 || status >= 400) {
      onRefused?.(entry.payload, entry.tabId, status);
      return;
    }
    if (!body || !(await entry.carries(body))) {
      console.warn(
        'Savepoint: a form post did not carry the values its page showed; not captured',
        entry.url,
      );
      return;
    }
    if (verdict && !(await verdict)) {
      console.warn('Savepoint: the form came back with a field marked refused; not captured', entry.url);
      return;
    }
    onAccepted(entry.payload, entry.tabId, status >= 300);
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
        void settle(entry, response.status, response.body, response.verdict).catch(report);
      } else {
        submitted.push(entry);
      }
    },
    /** `webRequest` saw the response to a POST navigation (status of the response, 3xx for a redirect). */
    answered(tabId: number, url: string, status: number, requestId?: string) {
      expire();
      const body = takeBody(tabId, url, requestId);
      // Asked now: only what a page of the tab reports from here on is the answer's.
      const verdict = status >= 200 && status < 300 ? answerPages?.answered(tabId) : undefined;
      const entry = submitted.find((other) => other.tabId === tabId && sameUrl(other.url, url));
      if (entry) void settle(entry, status, body, verdict).catch(report);
      else
        answered.push({
          tabId,
          url,
          status,
          ...(body ? { body } : {}),
          ...(verdict ? { verdict } : {}),
          at: now(),
        });
    },
    /** A page of the tab started its capture agent, showing a form with a field marked refused or not. */
    pageShown(tabId: number, refused: boolean) {
      answerPages?.shown(tabId, refused);
    },
    /** The POST failed at the network level: nothing was saved. */
    failed(tabId: number, url: string) {
      submitted = submitted.filter((other) => !(other.tabId === tabId && sameUrl(other.url, url)));
      posted = posted.filter((other) => !(other.tabId === tabId && sameUrl(other.url, url)));
    },
  };
}
