// Limits the extension and the Convex functions must agree on, defined once. No imports and no functions: the
// extension's bundles (the MAIN-world bridge included) import this file, and Convex deploys it as an empty module.

/**
 * (characters) Longest URL a backup keeps, the page's and the save request's. The bridge refuses a longer request
 * URL, because a shortened one would be replayed to another address on restore.
 */
export const MAX_URL_CHARS = 8_192;

/** Backups kept per workspace and section (besides pinned ones) unless someone chose otherwise. */
export const DEFAULT_RETENTION = 200;

/** Most backups per workspace and section anyone may choose to keep: on a device (options, policy) and in Convex. */
export const MAX_RETENTION = 10_000;

/**
 * (milliseconds) How far a capture time may run ahead of the clock that checks it: Convex records a later one as
 * now, and an import refuses it. Five minutes, written out because this file imports nothing.
 */
export const MAX_CLOCK_SKEW = 5 * 60 * 1000;
