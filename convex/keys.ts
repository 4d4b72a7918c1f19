import { v } from 'convex/values';
import { internalMutation, internalQuery } from './_generated/server';
import { coveredWorkspaces, generateAccessKey, hashAccessKey } from './access';
import { appError } from './errors';
import { checkedName, MIN_CHOSEN_KEY_CHARS } from './limits';
import { roleValidator } from './schema';
import { ensureWorkspace } from './workspaceRow';

/**
 * Workspace names: a slug (lowercase letters, digits and dashes) or a host with its port, as the extension names a
 * dashboard's workspace when its URL pattern has no `:workspace` (`grafana.internal:3000`).
 */
const WORKSPACE_NAME = /^[a-z0-9][a-z0-9.-]{0,252}(:[0-9]{1,5})?$/;

/** Most workspaces one key covers. */
const MAX_KEY_WORKSPACES = 100;

function checkWorkspaces(workspaces: string[]): void {
  if (workspaces.length > MAX_KEY_WORKSPACES) {
    throw appError('INVALID', `A key covers at most ${MAX_KEY_WORKSPACES} workspaces`);
  }
  for (const workspace of workspaces) {
    if (!WORKSPACE_NAME.test(workspace)) throw appError('INVALID', `Invalid workspace name "${workspace}"`);
  }
}

/**
 * Creates an access key and prints it once: `npx convex run keys:create '{"workspace":"acme","role":"admin",
 * "label":"Ops laptop"}'`; add `"workspaces":["globex","grafana.internal:3000"]` for a key that covers more
 * workspaces with the same role. Only its SHA-256 is stored. `key` is for tests that need a known key string (at
 * least 32 characters).
 */
export const create = internalMutation({
  args: {
    workspace: v.string(),
    workspaces: v.optional(v.array(v.string())),
    role: roleValidator,
    label: v.string(),
    key: v.optional(v.string()),
  },
  returns: v.object({ key: v.string(), keyId: v.id('accessKeys') }),
  handler: async (ctx, args) => {
    const more = (args.workspaces ?? []).filter((slug) => slug !== args.workspace);
    checkWorkspaces([args.workspace, ...more]);
    const label = checkedName('label', args.label, true);
    if (args.key !== undefined && args.key.length < MIN_CHOSEN_KEY_CHARS) {
      throw appError('INVALID', `A chosen access key needs at least ${MIN_CHOSEN_KEY_CHARS} characters`);
    }
    const key = args.key ?? generateAccessKey();
    for (const workspace of [args.workspace, ...more]) await ensureWorkspace(ctx, workspace);
    const keyId = await ctx.db.insert('accessKeys', {
      workspace: args.workspace,
      ...(more.length > 0 ? { workspaces: more } : {}),
      role: args.role,
      label,
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
      /** Every workspace the key covers, its own first. */
      workspaces: v.array(v.string()),
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
      workspaces: coveredWorkspaces(k),
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

/**
 * Sets the other workspaces a key covers (its own stays): `npx convex run keys:setWorkspaces '{"keyId":"…",
 * "workspaces":["globex"]}'`. An empty list narrows it back to its own workspace.
 */
export const setWorkspaces = internalMutation({
  args: { keyId: v.id('accessKeys'), workspaces: v.array(v.string()) },
  returns: v.array(v.string()),
  handler: async (ctx, { keyId, workspaces }) => {
    const key = await ctx.db.get(keyId);
    if (key === null) throw appError('NOT_FOUND', 'No such access key');
    const more = [...new Set(workspaces)].filter((slug) => slug !== key.workspace);
    checkWorkspaces(more);
    for (const workspace of more) await ensureWorkspace(ctx, workspace);
    await ctx.db.patch(keyId, { workspaces: more });
    return coveredWorkspaces({ workspace: key.workspace, workspaces: more });
  },
});
