// Retention judges a section's backups newest first, counting each key's. A large section is judged over several
// calls, each reading a bounded batch: what one call counted travels to the next as a `RetentionRun`, so the
// backups are judged exactly as in one pass at the run's first `now`.
import { v, type Infer } from 'convex/values';
import type { Doc } from './_generated/dataModel';
import { RETENTION_ANCHOR_AGES } from '../lib/journal/retention-anchors';

/** Where a retention run of a section stopped, and what it counted above there; its next call continues from it. */
export const retentionRunValidator = v.object({
  /** (ms, server time) The time the whole run judges anchors by: its first call's. */
  now: v.number(),
  /** `createdAt` and `_creationTime` of the last backup judged, in index order. */
  createdAt: v.number(),
  creationTime: v.number(),
  /** Backups judged so far (a backup without a writer counts by it). */
  seenAll: v.number(),
  /** Per writer, backups judged so far. */
  seen: v.array(v.object({ writer: v.string(), count: v.number() })),
  /** Per writer ('' for none), the anchor ages whose backup is already kept. */
  anchored: v.array(v.object({ writer: v.string(), ages: v.array(v.number()) })),
  /** The workspace's `backupsRemoved` after the last call: it has changed when anyone removed a backup since. */
  removed: v.number(),
});

/** See `retentionRunValidator`. */
export type RetentionRun = Infer<typeof retentionRunValidator>;

/** What a run counted so far, as it judges backups newest first. */
export interface RetentionCounts {
  now: number;
  seenAll: number;
  seenOf: Map<string, number>;
  /** Per writer, which of the anchor ages (retention-anchors.ts) already has its newest backup kept. */
  anchoredOf: Map<string, Set<number>>;
}

/**
 * Who wrote a backup, as retention counts: its key; its key's label for one stored before keys were recorded on
 * backups; none for one stored before labels were (counted with every backup of the section, as it always was).
 */
function writerOf(doc: Doc<'settingsBackups'>): string | undefined {
  return doc.keyId ?? (doc.keyLabel === undefined ? undefined : `label:${doc.keyLabel}`);
}

/** The counts a run starts a call with: those `run` carried, or none at `now` for a new run. */
export function countsOf(run: RetentionRun | undefined, now: number): RetentionCounts {
  return {
    now: run?.now ?? now,
    seenAll: run?.seenAll ?? 0,
    seenOf: new Map(run?.seen.map(({ writer, count }) => [writer, count])),
    anchoredOf: new Map(run?.anchored.map(({ writer, ages }) => [writer, new Set(ages)])),
  };
}

/** Counts `doc`, the next backup newest first, and says whether retention removes it. */
export function isBeyondRetention(
  counts: RetentionCounts,
  doc: Doc<'settingsBackups'>,
  keep: number,
): boolean {
  counts.seenAll++;
  const writer = writerOf(doc);
  const seen = writer === undefined ? counts.seenAll : (counts.seenOf.get(writer) ?? 0) + 1;
  if (writer !== undefined) counts.seenOf.set(writer, seen);
  if (doc.pinned) return false;
  // Newest first: the first of a writer's backups made before an anchor age is its newest from before then.
  const anchored = counts.anchoredOf.get(writer ?? '') ?? new Set<number>();
  counts.anchoredOf.set(writer ?? '', anchored);
  const ages = RETENTION_ANCHOR_AGES.filter((age) => doc.createdAt <= counts.now - age && !anchored.has(age));
  for (const age of ages) anchored.add(age);
  return seen > keep && ages.length === 0;
}

/** The run to continue with after `last`, the last backup judged, when the workspace has `removed` removals. */
export function runAfter(
  counts: RetentionCounts,
  last: Doc<'settingsBackups'>,
  removed: number,
): RetentionRun {
  return {
    now: counts.now,
    createdAt: last.createdAt,
    creationTime: last._creationTime,
    seenAll: counts.seenAll,
    seen: [...counts.seenOf].map(([writer, count]) => ({ writer, count })),
    anchored: [...counts.anchoredOf].map(([writer, ages]) => ({ writer, ages: [...ages] })),
    removed,
  };
}
