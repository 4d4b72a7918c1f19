import { matchSentBody, type BodyVerdict, type ReportedBody } from '../page/bridge/match-sent-body';
import { sentBodyOf, type SentBody, type WebRequestBody } from '../page/bridge/sent-body';
import { SECOND, sleep } from '../time';

/** (ms) a request seen by `webRequest` stays available to confirm a capture. */
export const LEDGER_WINDOW = 30 * SECOND;
/** (ms) a capture waits for its request to show up, since the page's report can overtake the browser's. */
export const CLAIM_WAIT = 3 * SECOND;
/**
 * (ms) a capture whose body cannot be compared with what the browser sent holds its request this long before it
 * counts, so that a report whose body matches, or a second unverifiable one (a conflict), can still contest it.
 */
export const UNVERIFIED_SETTLE = 300;
/** (ms) between two looks while waiting. */
const CLAIM_POLL = 10;

interface SeenRequest {
  requestId?: string;
  tabId: number;
  method: string;
  url: string;
  /** Absent until the response headers arrived. */
  status?: number;
  body: SentBody;
  /** The frame that sent it (`webRequest`'s `frameId`, 0 for the top frame); absent when not known. */
  frameId?: number;
  at: number;
  /**
   * `confirmed`: a report whose body matched took it. `settling`: an unverifiable report holds it for now;
   * `settled`: an unverifiable report took it (a report whose body matches may still be captured beside it).
   */
  claim: 'confirmed' | 'settling' | 'settled' | null;
  /** A second report asked for it while it was settling: the unverifiable claim loses. */
  contested: boolean;
}

/** The top frame's `frameId`: the only frame the bridge watches (register-content-scripts.ts). */
const TOP_FRAME = 0;

/**
 * True when a report whose body cannot be compared may take this request: only the top frame's, since the bridge
 * sees no other frame's requests, so a page could pair a forged report with a request of a frame it made.
 */
function mayTakeUnverified(entry: SeenRequest): boolean {
  return entry.frameId === TOP_FRAME && entry.claim === null;
}

/** Methods that never save: the ledger does not keep them, and the listeners do not wake its services for them. */
export const IGNORED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

function normalize(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The save requests the browser itself saw a tab make (from `webRequest`), with the body it sent. A capture
 * reported by a content script must claim one of them, so a page that forges "this was saved" messages cannot
 * create backups, and its body must be the one the browser sent, so a forged report cannot swap the values of a
 * real save: each real, accepted request confirms at most one capture, the one whose body matches.
 */
export function createRequestLedger(now: () => number = Date.now) {
  let seen: SeenRequest[] = [];

  function expire() {
    const cutoff = now() - LEDGER_WINDOW;
    seen = seen.filter((entry) => entry.at >= cutoff);
  }

  function candidates(tabId: number, method: string, url: string, reported?: ReportedBody) {
    const wanted = normalize(url);
    return seen
      .filter(
        (entry) =>
          entry.tabId === tabId &&
          entry.method === method &&
          entry.url === wanted &&
          entry.status !== undefined &&
          entry.status >= 200 &&
          entry.status < 300,
      )
      .map((entry) => ({
        entry,
        verdict: (reported ? matchSentBody(reported, entry.body) : 'unverifiable') as BodyVerdict,
      }));
  }

  return {
    /** The browser is about to send a request (`onBeforeRequest`), with the body it sends, from frame `frameId`. */
    sent(
      requestId: string,
      tabId: number,
      method: string,
      url: string,
      body: WebRequestBody | null | undefined,
      frameId?: number,
    ) {
      if (IGNORED_METHODS.has(method)) return;
      expire();
      seen.push({
        requestId,
        tabId,
        method,
        url: normalize(url),
        body: sentBodyOf(body),
        ...(frameId === undefined ? {} : { frameId }),
        at: now(),
        claim: null,
        contested: false,
      });
    },
    /** The browser received the response headers of a request (sent from frame `frameId`). */
    saw(tabId: number, method: string, url: string, status: number, requestId?: string, frameId?: number) {
      if (IGNORED_METHODS.has(method)) return;
      const known = requestId === undefined ? undefined : seen.find((entry) => entry.requestId === requestId);
      if (known) {
        // A redirect answers again: the last status counts.
        known.status = status;
        return;
      }
      expire();
      const entry: SeenRequest = {
        tabId,
        method,
        url: normalize(url),
        status,
        body: { kind: 'unknown' },
        ...(frameId === undefined ? {} : { frameId }),
        at: now(),
        claim: null,
        contested: false,
      };
      if (requestId !== undefined) entry.requestId = requestId;
      seen.push(entry);
    },
    /**
     * Claims the accepted request behind a capture, waiting briefly for it. True when the browser saw it and the
     * reported body is the one it sent (or cannot be compared, the top frame sent it, no other report contests the
     * request, and `confirm`, when given, bears the report out another way).
     */
    async claim(
      tabId: number,
      method: string,
      url: string,
      wait: number = CLAIM_WAIT,
      reported?: ReportedBody,
      confirm?: () => Promise<boolean>,
    ): Promise<boolean> {
      const deadline = now() + wait;
      for (;;) {
        const found = candidates(tabId, method, url, reported);
        const matching = found.find(
          ({ entry, verdict }) => verdict === 'match' && entry.claim !== 'confirmed',
        );
        if (matching) {
          if (matching.entry.claim === 'settling') matching.entry.contested = true;
          matching.entry.claim = 'confirmed';
          return true;
        }
        const open = found.find(
          ({ entry, verdict }) => verdict === 'unverifiable' && mayTakeUnverified(entry),
        );
        if (open) {
          const { entry } = open;
          entry.claim = 'settling';
          await sleep(UNVERIFIED_SETTLE);
          if (entry.contested) {
            if (entry.claim === 'settling') entry.claim = null;
            console.warn('Savepoint: two reports of one save request; neither is captured', url);
            return false;
          }
          // A page can keep the bridge from reporting its own request (a keepalive fetch, a getter that answers
          // the bridge otherwise than the browser), so no contest is no proof: the request stays taken either way.
          if (entry.claim === 'settling') entry.claim = 'settled';
          // A confirmation that failed confirms nothing (a page can make it fail by leaving).
          if (confirm && !(await confirm().catch(() => false))) {
            console.warn(
              'Savepoint: a report of a save is not what the dashboard now has; not captured',
              url,
            );
            return false;
          }
          return true;
        }
        if (now() >= deadline) {
          // Two reports of one request that cannot be told apart: a conflict, so neither counts.
          const settling = found.find(
            ({ entry, verdict }) => verdict === 'unverifiable' && entry.claim === 'settling',
          );
          if (settling) settling.entry.contested = true;
          return false;
        }
        await sleep(CLAIM_POLL);
      }
    },
  };
}

export type RequestLedger = ReturnType<typeof createRequestLedger>;
