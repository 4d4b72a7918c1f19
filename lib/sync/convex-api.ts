import { ConvexHttpClient } from 'convex/browser';
import { makeFunctionReference, type FunctionReference } from 'convex/server';
import type { api } from '../../convex/_generated/api';
import { SECOND } from '../time';

/** (ms) a Convex call may take before it counts as failed; well under the 30 s a service worker may wait. */
export const CALL_TIMEOUT = 10 * SECOND;

// Function references by name: the extension must not bundle the server code behind `convex/_generated/api`.
const action = <T extends FunctionReference<'action'>>(name: string) =>
  makeFunctionReference<'action'>(name) as unknown as T;

/** The sync engine's writes as actions: a wrong key counts against the caller's IP, as for reads. */
export const convexFunctions = {
  createBackup: action<typeof api.writes.createBackup>('writes:createBackup'),
  markSyncError: action<typeof api.writes.markSyncError>('writes:markSyncError'),
};

/** A Convex HTTP client whose every call gives up after `timeout` ms. */
export function createConvexClient(url: string, timeout: number = CALL_TIMEOUT): ConvexHttpClient {
  return new ConvexHttpClient(url, {
    // Self-hosted and local deployments do not live on *.convex.cloud.
    skipConvexDeploymentUrlCheck: true,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) }),
  });
}
