/**
 * Whether a storage write failed because there is no room: the quota is exceeded, or the disk is full (which
 * IndexedDB may report as an `UnknownError`). Either way the backup goes to the hold rather than being lost.
 */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return false;
  const name = (error as { name?: string }).name;
  const cause = (error as { cause?: unknown }).cause;
  return (
    name === 'QuotaExceededError' ||
    name === 'UnknownError' ||
    (error as { code?: number }).code === 22 ||
    (cause !== undefined && cause !== error && isQuotaError(cause))
  );
}
