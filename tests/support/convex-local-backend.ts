import { convexTest } from 'convex-test';
import { makeFunctionReference } from 'convex/server';
import { internal } from '../../convex/_generated/api';
import type { Id } from '../../convex/_generated/dataModel';
import { hashAccessKey } from '../../convex/access';
import schema from '../../convex/schema';
import { TEST_FUNCTIONS_FLAG } from '../../convex/testing';

const modules = import.meta.glob('../../convex/**/*.*s');

/** Which kind of function an API endpoint runs; `any` is `/api/function`. */
export type FunctionKind = 'query' | 'mutation' | 'action' | 'any';

/** A function path that is unknown, internal, or of another kind than the endpoint asked for. */
export class FunctionNotFound extends Error {}

type RegisteredFunction = { isPublic?: boolean; isQuery?: boolean; isMutation?: boolean; isAction?: boolean };

/** The kind of the public function at `path` ("module:export"), or throws FunctionNotFound. */
async function resolvePublic(path: string, kind: FunctionKind): Promise<'query' | 'mutation' | 'action'> {
  const [modulePath = '', exportName = 'default'] = path.split(':');
  const load = modules[`../../convex/${modulePath}.ts`];
  const fn = (load === undefined ? undefined : ((await load()) as Record<string, unknown>)[exportName]) as
    RegisteredFunction | undefined;
  const actual = fn?.isQuery ? 'query' : fn?.isMutation ? 'mutation' : fn?.isAction ? 'action' : null;
  if (fn?.isPublic !== true || actual === null || (kind !== 'any' && kind !== actual)) {
    throw new FunctionNotFound(`Could not find public ${kind === 'any' ? 'function' : kind} '${path}'`);
  }
  return actual;
}

/**
 * The real Convex functions over convex-test, in memory. Calls run one at a time (convex-test runs one function at
 * once, and a queue keeps the order requests arrived in).
 */
export function createLocalBackend(options: { acmeKey: string }) {
  // This in-memory backend is a test deployment: let convex/testing.ts answer the control API's reads.
  process.env[TEST_FUNCTIONS_FLAG] = '1';
  let t = convexTest(schema, modules);
  let queue: Promise<unknown> = Promise.resolve();

  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function registerAcme() {
    await t.mutation(internal.keys.create, {
      workspace: 'acme',
      role: 'admin',
      label: 'Local admin',
      key: options.acmeKey,
    });
  }

  return {
    acmeKey: options.acmeKey,
    ready: serialized(registerAcme),

    /** Runs a public function as a client call from `ip`; returns its kind with the value. */
    call(kind: FunctionKind, path: string, args: Record<string, unknown>, ip: string | null) {
      return serialized(async () => {
        const actual = await resolvePublic(path, kind);
        const caller = t.withRequestMetadata({ ip });
        if (actual === 'query')
          return { kind: actual, value: await caller.query(makeFunctionReference<'query'>(path), args) };
        if (actual === 'mutation') {
          return {
            kind: actual,
            value: await caller.mutation(makeFunctionReference<'mutation'>(path), args),
          };
        }
        return { kind: actual, value: await caller.action(makeFunctionReference<'action'>(path), args) };
      });
    },

    /** Runs an HTTP action route of convex/http.ts. */
    fetch(pathAndQuery: string, init: RequestInit, ip: string | null) {
      return serialized(async () => await t.withRequestMetadata({ ip }).fetch(pathAndQuery, init));
    },

    createKey(args: {
      workspace: string;
      workspaces?: string[];
      role: 'capture' | 'admin';
      label: string;
      key?: string;
    }) {
      return serialized(async () => await t.mutation(internal.keys.create, args));
    },

    /** Revokes a key by id or by the key string; false when no such key exists. */
    revokeKey(which: { keyId?: string; key?: string }) {
      return serialized(async () => {
        const keyHash = which.key === undefined ? null : await hashAccessKey(which.key);
        const keyId = await t.run(async (ctx) => {
          if (keyHash === null) return ctx.db.normalizeId('accessKeys', which.keyId ?? '');
          const row = await ctx.db
            .query('accessKeys')
            .withIndex('by_keyHash', (q) => q.eq('keyHash', keyHash))
            .unique();
          return row?._id ?? null;
        });
        if (keyId === null) return false;
        await t.mutation(internal.keys.revoke, { keyId: keyId as Id<'accessKeys'> });
        return true;
      });
    },

    backups(workspace: string) {
      return serialized(async () => await t.query(internal.testing.allBackups, { workspace }));
    },

    status(workspace: string) {
      return serialized(async () => await t.query(internal.testing.workspaceRow, { workspace }));
    },

    /** Forgets everything and registers the acme key again. */
    reset() {
      return serialized(async () => {
        t = convexTest(schema, modules);
        await registerAcme();
      });
    },
  };
}

/** The in-memory backend behind the local server. */
export type LocalBackend = ReturnType<typeof createLocalBackend>;
