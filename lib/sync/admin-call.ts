import type { ConvexHttpClient } from 'convex/browser';
import { ConvexError } from 'convex/values';
import type { Settings } from '../storage';
import { accessKeyFor } from './access-key-for';
import { classifyError } from './classify-error';
import { createConvexClient } from './convex-api';

/** Makes the Convex client of a deployment URL (tests pass a fake). */
export type CreateClient = (url: string) => ConvexHttpClient;

/** A Convex admin call that did not happen; `message` is for the popup. */
export class AdminCallRefused extends Error {
  constructor(
    message: string,
    /** Convex's refusal code (`FORBIDDEN`, `UNAUTHENTICATED`, `NOT_FOUND`, …), or null when it was not reached. */
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'AdminCallRefused';
  }
}

/**
 * Runs an admin call for a workspace against the configured Convex with the workspace's key, or returns null when
 * Savepoint runs without Convex. Any failure becomes an `AdminCallRefused` saying what was refused and why (`what`
 * is e.g. "Pinning").
 */
export async function adminCall<T>(
  settings: Settings,
  workspace: string,
  what: string,
  call: (client: ConvexHttpClient, accessKey: string) => Promise<T>,
  createClient: CreateClient = createConvexClient,
): Promise<{ value: T } | null> {
  const accessKey = accessKeyFor(settings, workspace);
  if (!settings.convexUrl || !accessKey) return null;
  try {
    return { value: await call(createClient(settings.convexUrl), accessKey) };
  } catch (error) {
    if (error instanceof ConvexError) {
      const data = error.data as { code?: unknown; message?: unknown };
      const code = typeof data.code === 'string' ? data.code : null;
      const message = typeof data.message === 'string' ? data.message : `${what} was refused by Convex`;
      throw new AdminCallRefused(message, code);
    }
    const failure = classifyError(error);
    throw new AdminCallRefused(`${what} needs Convex to record it, and it failed: ${failure.message}`, null);
  }
}
