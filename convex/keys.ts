import { v } from 'convex/values';
import { internalMutation, internalQuery } from './_generated/server';
import { generateAccessKey, hashAccessKey } from './access';
import { appError } from './errors';
import { checkText, MAX_NAME_CHARS, MIN_CHOSEN_KEY_CHARS } from './limits';
import { roleValidator } from './schema';
import { ensureWorkspace } from './workspaceRow';

/** Workspace slugs: lowercase letters, digits and dashes, 1 to 63 characters. */
const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Creates an access key and prints it once: `npx convex run keys:create '{"workspace":"acme","role":"admin",
 * "label":"Ops laptop"}'`. Only its SHA-256 is stored. `key` is for tests that need a known key string (at least 32
 * characters).
 */
export const create = internalMutation({
  args: { workspace: v.string(), role: roleValidator, label: v.string(), key: v.optional(v.string()) },
  returns: v.object({ key: v.string(), keyId: v.id('accessKeys') }),
  handler: async (ctx, args) => {
    if (!WORKSPACE_SLUG.test(args.workspace)) throw appError('INVALID', 'Invalid workspace slug');
    checkText('label', args.label, MAX_NAME_CHARS, true);
    if (args.key !== undefined && args.key.length < MIN_CHOSEN_KEY_CHARS) {
      throw appError('INVALID', `A chosen access key needs at least ${MIN_CHOSEN_KEY_CHARS} characters`);
    }
    const key = args.key ?? generateAccessKey();
    await ensureWorkspace(ctx, args.workspace);
    const keyId = await ctx.db.insert('accessKeys', {
      workspace: args.workspace,
      role: args.role,
      label: args.label,
      keyHash: await hashAccessKey(key),
      createdAt: Date.now(),
    });
    return { key, keyId };
  },
});

/** The workspace's keys (never the keys themselves): `npx convex run keys:list '{"workspace":"acme"}'`. */
export const list = internalQuery({
  args: { workspace: v.string() },
  returns: v.array(
    v.object({
      keyId: v.id('accessKeys'),
      role: roleValidator,
      label: v.string(),
      createdAt: v.number(),
      revokedAt: v.optional(v.number()),
    }),
  ),
  handler: async (ctx, { workspace }) => {
    const keys = await ctx.db
      .query('accessKeys')
      .withIndex('by_workspace', (q) => q.eq('workspace', workspace))
      .collect();
    return keys.map((k) => ({
      keyId: k._id,
      role: k.role,
      label: k.label,
      createdAt: k.createdAt,
      ...(k.revokedAt === undefined ? {} : { revokedAt: k.revokedAt }),
    }));
  },
});

/** Revokes a key for good: `npx convex run keys:revoke '{"keyId":"…"}'`. Revoking twice keeps the first time. */
export const revoke = internalMutation({
  args: { keyId: v.id('accessKeys') },
  returns: v.null(),
  handler: async (ctx, { keyId }) => {
    const key = await ctx.db.get(keyId);
    if (key === null) throw appError('NOT_FOUND', 'No such access key');
    if (key.revokedAt === undefined) await ctx.db.patch(keyId, { revokedAt: Date.now() });
    return null;
  },
});
