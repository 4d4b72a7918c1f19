import { SECOND } from '../time';

/**
 * (ms) a form post answered 200 waits for its answering page to say whether it marks a field refused, before it
 * counts as accepted anyway (an answer page with no capture agent: not watched, or the agent not given).
 */
export const ANSWER_PAGE_WAIT = 8 * SECOND;

/**
 * The pages that answer classic form posts with 200: a server that refuses a value sends the form back (no
 * redirect), with the field marked. Each answer waits for the next page of its tab to report what it shows (its
 * capture agent does, as it starts): a page that shows a refused form means the post was not accepted. A report
 * that came before the answer was from the page the post left, and counts for nothing.
 */
export function createAnswerPages({
  wait = ANSWER_PAGE_WAIT,
  setTimer = (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clearTimer = (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
} = {}) {
  const waiting = new Map<number, { resolve: (accepted: boolean) => void; timer: unknown }[]>();

  function settle(tabId: number, accepted: boolean) {
    const waiters = waiting.get(tabId) ?? [];
    waiting.delete(tabId);
    for (const waiter of waiters) {
      clearTimer(waiter.timer);
      waiter.resolve(accepted);
    }
  }

  return {
    /** A post of the tab was answered 200: resolves true unless its answering page shows a refused form. */
    answered(tabId: number): Promise<boolean> {
      return new Promise((resolve) => {
        const waiter = {
          resolve,
          timer: setTimer(() => {
            const rest = (waiting.get(tabId) ?? []).filter((other) => other !== waiter);
            if (rest.length) waiting.set(tabId, rest);
            else waiting.delete(tabId);
            resolve(true);
          }, wait),
        };
        waiting.set(tabId, [...(waiting.get(tabId) ?? []), waiter]);
      });
    },
    /** A page of the tab started its capture agent: whether it shows a form with a field marked refused. */
    shown(tabId: number, refused: boolean): void {
      settle(tabId, !refused);
    },
  };
}

export type AnswerPages = ReturnType<typeof createAnswerPages>;
