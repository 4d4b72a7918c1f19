/** (ms) the longest `afterNextPaint` waits: a page that is not shown gets no animation frames. */
const LONGEST_WAIT = 50;

/**
 * Resolves once the browser has painted what the page holds now (a task queued from the next animation frame runs
 * after that frame), or after LONGEST_WAIT where no frame comes. Work started then does not hold the paint up.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LONGEST_WAIT);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
