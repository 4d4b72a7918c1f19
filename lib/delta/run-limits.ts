/**
 * Most deltas read one after the other to rebuild a backup (journal and Convex); past it, a section starts a new
 * run with a whole body.
 */
export const MAX_RUN_HOPS = 1_000;

/**
 * Most bytes of deltas in one run, in whole bodies of the run's newest (whole) body: rebuilding any backup reads at
 * most that body and this much more. 2, not 1, so that a thousand one-field changes of a page with long values
 * (about 180 bytes of delta each against a 100 KB page) stay one run.
 */
export const MAX_RUN_BODIES = 2;
