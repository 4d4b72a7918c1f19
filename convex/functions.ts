import { customMutation, customQuery } from 'convex-helpers/server/customFunctions';
import { v } from 'convex/values';
import { internalMutation, internalQuery, mutation, query } from './_generated/server';
import type { MutationCtx, QueryCtx } from './_generated/server';
import { authenticate, type AuthorizedKey } from './access';
import { appError } from './errors';
import { rateLimit } from './rateLimits';
import type { Role } from './schema';

/** Arguments every keyed function takes; the builder consumes them and hands `ctx.key` to the handler. */
const keyArgs = { accessKey: v.string(), workspace: v.string() };

type KeyArgs = { accessKey: string; workspace: string };

function keyedQuery(role: Role) {
  return {
    args: keyArgs,
    input: async (ctx: QueryCtx, args: KeyArgs) => {
      const key = await authenticate(ctx.db, { ...args, role, ip: null });
      return { ctx: { key }, args: {} };
    },
  };
}

function keyedMutation(role: Role, action?: string) {
  return {
    args: keyArgs,
    input: async (ctx: MutationCtx, args: KeyArgs) => {
      const { ip } = await ctx.meta.getRequestMetadata();
      const key: AuthorizedKey = await authenticate(ctx.db, {
        ...args,
        role,
        ip,
        ...(action === undefined ? {} : { action }),
      });
      const { ok } = await rateLimit(ctx, { name: 'keyWrites', key: key.keyId });
      if (!ok) throw appError('RATE_LIMITED', 'Too many writes with this access key; try again later');
      return { ctx: { key }, args: {} };
    },
  };
}

/** Query for any key of the workspace (capture or admin). */
export const captureQuery = customQuery(query, keyedQuery('capture'));
/** Query for admin keys of the workspace. */
export const adminQuery = customQuery(query, keyedQuery('admin'));
/** Mutation for any key of the workspace; spends one write token of the key. */
export const captureMutation = customMutation(mutation, keyedMutation('capture'));
/** Mutation for admin keys of the workspace; spends one write token of the key. */
export const adminMutation = customMutation(mutation, keyedMutation('admin'));
/**
 * `adminMutation` whose refusal of a capture key names what needs the admin key: `adminMutationFor('Pinning')`
 * refuses with "Pinning needs an admin key; this is a capture key".
 */
export function adminMutationFor(action: string) {
  return customMutation(mutation, keyedMutation('admin', action));
}
/** Internal query with the same key check, for HTTP actions that forward a caller's key and IP. */
export const internalCaptureQuery = customQuery(internalQuery, {
  args: { ...keyArgs, ip: v.union(v.string(), v.null()) },
  input: async (ctx, args) => {
    const key = await authenticate(ctx.db, { ...args, role: 'capture' });
    return { ctx: { key }, args: {} };
  },
});
/** Internal mutation with the same key check and write limit, for HTTP actions. */
export const internalCaptureMutation = customMutation(internalMutation, keyedMutation('capture'));

/** Query for any valid key, whose workspace is optional: `whoami` tells a key its own workspace. */
export const anyKeyQuery = customQuery(query, {
  args: { accessKey: v.string(), workspace: v.optional(v.string()) },
  input: async (ctx, args) => {
    const key = await authenticate(ctx.db, { ...args, role: 'capture', ip: null });
    return { ctx: { key }, args: {} };
  },
});
