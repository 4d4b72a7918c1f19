import { customMutation, customQuery } from 'convex-helpers/server/customFunctions';
import { v } from 'convex/values';
import { internalMutation, internalQuery } from './_generated/server';
import type { MutationCtx } from './_generated/server';
import { authenticate, type AuthorizedKey } from './access';
import { appError } from './errors';
import { rateLimit } from './rateLimits';
import type { Role } from './schema';

/** Arguments every keyed function takes; the builder consumes them and hands `ctx.key` to the handler. */
export const keyArgs = { accessKey: v.string(), workspace: v.string() };

type KeyArgs = { accessKey: string; workspace: string };

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

// No keyed mutation is public: a refused mutation rolls back, so it could not spend the caller's
// failed-key-check budget. Clients write through `writes:*` actions (HTTP through its routes), which count refusals;
// the mutations behind them see the caller's IP in the request metadata their action passes on.

/** Internal mutation for any key of the workspace; spends one write token of the key. */
export const internalCaptureMutation = customMutation(internalMutation, keyedMutation('capture'));
/**
 * Internal mutation for admin keys of the workspace; spends one write token of the key. Its refusal of a capture key
 * names what needs the admin key: `internalAdminMutationFor('Pinning')` refuses with "Pinning needs an admin key;
 * this is a capture key".
 */
export function internalAdminMutationFor(action: string) {
  return customMutation(internalMutation, keyedMutation('admin', action));
}

// No keyed query is public: a query can neither see the caller's IP nor write, so it could neither refuse an IP that
// spent its failed-key-check budget nor spend it. Clients read through `reads:*` actions, which forward the IP here.

/** Internal query for the actions (`reads:*`, HTTP routes) that forward a caller's key and IP. */
function keyedInternalQuery(role: Role) {
  return customQuery(internalQuery, {
    args: { ...keyArgs, ip: v.union(v.string(), v.null()) },
    input: async (ctx, args) => {
      const key = await authenticate(ctx.db, { ...args, role });
      return { ctx: { key }, args: {} };
    },
  });
}
/** Internal query for any key of the workspace (capture or admin), checked for the caller's IP. */
export const internalCaptureQuery = keyedInternalQuery('capture');
/** Internal query for admin keys of the workspace, checked for the caller's IP. */
export const internalAdminQuery = keyedInternalQuery('admin');
