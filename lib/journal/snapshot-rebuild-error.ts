/** Why a body stored as a delta could not be turned back into its snapshot. */
export type RebuildFailure = 'missing-base' | 'cycle' | 'bad-delta' | 'mismatch';

const WHY: Record<RebuildFailure, string> = {
  'missing-base': 'the backup it is stored as a change of is missing',
  cycle: 'its chain of changes loops back on itself',
  'bad-delta': 'its stored changes are corrupted',
  mismatch: 'the rebuilt settings do not match what was saved (corrupted)',
};

/** A backup whose stored body cannot be rebuilt; restore, diff, export and sync report it instead of guessing. */
export class SnapshotRebuildError extends Error {
  override name = 'SnapshotRebuildError';

  constructor(
    /** Content hash of the body that was asked for. */
    readonly hash: string,
    readonly reason: RebuildFailure,
  ) {
    super(`This backup cannot be rebuilt: ${WHY[reason]} (body ${hash.slice(0, 12)})`);
  }
}
