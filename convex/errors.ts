import { ConvexError } from 'convex/values';

/** Stable refusal codes clients branch on; messages are for people. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  /** A stored backup cannot be rebuilt whole (a missing or corrupted base): reported, never returned wrong. */
  | 'CORRUPTED';

/** The `data` of every ConvexError this backend throws. */
export type AppErrorData = { code: ErrorCode; message: string };

/** Builds the one kind of error this backend throws on purpose: `throw appError('INVALID', '…')`. */
export function appError(code: ErrorCode, message: string): ConvexError<AppErrorData> {
  return new ConvexError({ code, message });
}

/** The code and message of an error thrown by `appError`, or null for any other error. */
export function appErrorData(error: unknown): AppErrorData | null {
  if (!(error instanceof ConvexError)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data) || !('message' in data)) return null;
  return { code: data.code as ErrorCode, message: String(data.message) };
}
