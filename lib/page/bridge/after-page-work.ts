/**
 * (ms) a save's report waits at most for the page's own work. Posting it at once put the message's dispatch, and
 * the capture agent's work on it, between the response and the page's next step (reading the body, showing
 * "Saved"): the bench's round-trip row measured +0.4 to +0.7 ms for the bridge, +0.2 to +0.3 since.
 */
export const REPORT_DEADLINE = 1_000;

/** `scheduler.postTask` (Chromium 94+; not in every browser), absent from TypeScript's DOM types here. */
interface TaskScheduler {
  postTask(run: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * How the bridge runs a report once the page's own pending work is done: as a background-priority task where the
 * browser has `scheduler.postTask` (it runs as soon as the page's tasks are done, without waiting for a frame as an
 * idle callback may: in paired saves it came 8.8 / 14.2 ms (p50 / p95) after the save started, against 8.2 / 21.9
 * posted at once and 10.8 / 19.3 from an idle callback), else when the page is idle, and at the latest
 * `REPORT_DEADLINE` ms later, since a page that is always busy could hold either off. Each report runs once. The
 * functions are taken now: the page's scripts run after the bridge's and may replace them.
 */
export function createAfterPageWork(win: Window & typeof globalThis): (run: () => void) => void {
  const scheduler = (win as { scheduler?: Partial<TaskScheduler> }).scheduler;
  const postTask = typeof scheduler?.postTask === 'function' ? scheduler.postTask.bind(scheduler) : null;
  const idle = typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback.bind(win) : null;
  const [setTimer, clearTimer] = [setTimeout, clearTimeout];
  return (run) => {
    let done = false;
    const deadline = setTimer(() => once(), postTask || idle ? REPORT_DEADLINE : 0);
    function once() {
      if (done) return;
      done = true;
      clearTimer(deadline);
      run();
    }
    if (postTask) postTask(once, { priority: 'background' }).catch(() => undefined);
    else if (idle) idle(once);
  };
}
