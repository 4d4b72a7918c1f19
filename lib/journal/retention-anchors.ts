// Pure and import-free: Convex's retention (convex/settingsBackups.ts) keeps the same anchors as the journal's.

const HOUR = 60 * 60 * 1000;

/**
 * (ms) Ages at which retention keeps a section's newest backup from before then, whatever its count: a burst of
 * saves (a page script saving again and again after one click) pushes out only what came after the last of them.
 */
export const RETENTION_ANCHOR_AGES = [HOUR, 24 * HOUR, 7 * 24 * HOUR] as const;

/**
 * The backups retention keeps besides the newest ones it counts: for each anchor age, the newest of `items`
 * (newest first) made before `now` minus that age.
 */
export function retentionAnchors<T>(items: readonly T[], madeAt: (item: T) => number, now: number): Set<T> {
  const anchors = new Set<T>();
  for (const age of RETENTION_ANCHOR_AGES) {
    const anchor = items.find((item) => madeAt(item) <= now - age);
    if (anchor !== undefined) anchors.add(anchor);
  }
  return anchors;
}
