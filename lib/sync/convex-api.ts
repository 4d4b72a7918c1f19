import { ConvexHttpClient } from 'convex/browser';
import { makeFunctionReference, type FunctionReference } from 'convex/server';
import type { api } from '../../convex/_generated/api';
import { SECOND } from '../time';

/** (ms) a Convex call may take before it counts as failed; well under the 30 s a service worker may wait. */
export const CALL_TIMEOUT = 10 * SECOND;

// Function references by name: the extension must not bundle the server code behind `convex/_generated/api`.
const ref = <T extends FunctionReference<'mutation'>>(type: T['_type'], name: string) =>
  makeFunctionReference<typeof type>(name) as unknown as T;

export const convexFunctions = {
  createBackup: ref<typeof api.settingsBackups.createBackup>('mutation', 'settingsBackups:createBackup'),
  markSyncError: ref<typeof api.workspaces.markSyncError>('mutation', 'workspaces:markSyncError'),
};

/** A Convex HTTP client whose every call gives up after `timeout` ms. */
export function createConvexClient(url: string, timeout: number = CALL_TIMEOUT): ConvexHttpClient {
  return new ConvexHttpClient(url, {
    // Self-hosted and local deployments do not live on *.convex.cloud.
    skipConvexDeploymentUrlCheck: true,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) }),
  });
}
