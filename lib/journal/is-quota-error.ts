/** Whether a storage write failed because the browser's storage quota (or the disk) is full. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return false;
  const name = (error as { name?: string }).name;
  const cause = (error as { cause?: unknown }).cause;
  return (
    name === 'QuotaExceededError' ||
    (error as { code?: number }).code === 22 ||
    (cause !== undefined && cause !== error && isQuotaError(cause))
  );
}
