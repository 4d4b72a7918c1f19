import { internal } from './_generated/api';
import type { ActionCtx } from './_generated/server';
import { appErrorData } from './errors';

/**
 * Runs `work` for a caller from `ip` and, when it refuses the caller's key (UNAUTHENTICATED or FORBIDDEN), spends
 * one failed-key-check token of that IP before passing the refusal on. Queries and mutations cannot record their
 * own refusals (a query cannot write, a refused mutation rolls back), so every key check that must count runs in
 * an action (HTTP routes, `reads:*` and `writes:*`) through this.
 */
export async function countingFailedKeyChecks<T>(
  ctx: ActionCtx,
  ip: string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = appErrorData(error)?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
      await ctx.runMutation(internal.rateLimits.recordFailedKeyCheck, { ip });
    }
    throw error;
  }
}

/** `countingFailedKeyChecks` for the caller of the action `ctx` runs (`reads:*`, `writes:*`): `work` gets its IP. */
export async function countedForCaller<T>(
  ctx: ActionCtx,
  work: (ip: string | null) => Promise<T>,
): Promise<T> {
  const { ip } = await ctx.meta.getRequestMetadata();
  return await countingFailedKeyChecks(ctx, ip, () => work(ip));
}
