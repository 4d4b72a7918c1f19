import { ConvexError } from 'convex/values';
import { classifyError } from './classify-error';

/**
 * Whether a page of backups Convex failed to list may list when asked for fewer: a failure of the function itself.
 * Pages end at 4 MiB of backup data (convex/backupPages.ts), but the deltas a page's backups are rebuilt from are
 * read besides, and a deployment of an older `convex/` has no such end: Convex's limits on what one function reads
 * and returns (16 MiB; a backup may hold 8) fail it then, and a deployment says only "Server Error". A refusal (a
 * ConvexError: the key, the workspace), a timeout or a lost network would fail a smaller page the same way.
 */
export function mayFitSmaller(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof ConvexError) return false;
  const failure = classifyError(error);
  return failure.kind === 'transient' && !failure.network && !failure.timeout;
}
