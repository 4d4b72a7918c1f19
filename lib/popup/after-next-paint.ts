/** (ms) the longest `afterNextPaint` waits: a page that is not shown gets no animation frames. */
const LONGEST_WAIT = 100;

/**
 * Resolves once the browser has presented what the page holds now, or after LONGEST_WAIT where no frame comes. The
 * next animation frame's main-thread paint ends before that frame is rastered and presented: work started from it
 * (the React popup's fetch and compile, on 2 cores) held the raster up, and the first entry was shown 3 to 5 ms
 * later (paired opens, 40 to 60 rounds, 4 runs) than with work started from a task after the frame after it.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LONGEST_WAIT);
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      ),
    );
  });
}
