import { defineRateLimits } from 'convex-helpers/server/rateLimit';
import { v } from 'convex/values';
import { internalMutation } from './_generated/server';
import { MINUTE } from './time';

/** Failed key checks allowed per IP: a burst of 10, refilled at 10 per minute. */
export const FAILED_KEY_CHECK_LIMIT = {
  kind: 'token bucket',
  rate: 10,
  period: MINUTE,
  capacity: 10,
} as const;

/**
 * Writes allowed per access key: a burst of 1,000 (an outbox flushing after a busy day offline, or a QA script's
 * burst of saves), then 20 per second.
 */
export const KEY_WRITE_LIMIT = { kind: 'token bucket', rate: 1200, period: MINUTE, capacity: 1000 } as const;

/** Token buckets stored in the `rateLimits` table by convex-helpers' rate limiter. */
export const { checkRateLimit, rateLimit, resetRateLimit } = defineRateLimits({
  failedKeyChecks: FAILED_KEY_CHECK_LIMIT,
  keyWrites: KEY_WRITE_LIMIT,
});

/**
 * Spends one failed-key-check token of `ip`. A mutation that refuses a key rolls back its own writes, so only
 * callers that survive the refusal (HTTP actions) can record it.
 */
export const recordFailedKeyCheck = internalMutation({
  args: { ip: v.union(v.string(), v.null()) },
  returns: v.null(),
  handler: async (ctx, { ip }) => {
    if (ip !== null) await rateLimit(ctx, { name: 'failedKeyChecks', key: ip });
    return null;
  },
});
