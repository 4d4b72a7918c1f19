import type { GenericDatabaseReader } from 'convex/server';
import type { DataModel, Doc, Id } from './_generated/dataModel';
import { appError } from './errors';
import { checkRateLimit } from './rateLimits';
import type { KeyIdentity, Role } from './schema';

/** Prefix of every access key, so a leaked one is recognisable in logs and secret scanners. */
export const ACCESS_KEY_PREFIX = 'sp_';

/** Random bytes in an access key (256 bits: guessing is hopeless, rate limits only slow down noise). */
const ACCESS_KEY_BYTES = 32;

const ROLE_RANK: Record<Role, number> = { capture: 1, admin: 2 };

/** A checked access key as handlers see it in `ctx.key`. */
export type AuthorizedKey = KeyIdentity & { keyId: Id<'accessKeys'> };

/** A new random access key: `sp_` + 32 random bytes in base64url. */
export function generateAccessKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ACCESS_KEY_BYTES));
  const base64 = btoa(String.fromCharCode(...bytes));
  return ACCESS_KEY_PREFIX + base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** SHA-256 of a string's UTF-8 bytes as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of an access key as lowercase hex: the only form a key is stored in. */
export const hashAccessKey = sha256Hex;

/**
 * The one access check: refuses a caller whose IP spent its failed-check budget, a missing, unknown or revoked
 * key, a key that does not cover the workspace, and a role below `role` (saying which `action`, e.g. "Restoring",
 * needs more). The returned identity acts on the requested workspace (the key's first one when none is named).
 */
export async function authenticate(
  db: GenericDatabaseReader<DataModel>,
  request: { accessKey: string; workspace?: string; role: Role; ip: string | null; action?: string },
): Promise<AuthorizedKey> {
  if (request.ip !== null) {
    const budget = await checkRateLimit({ db }, { name: 'failedKeyChecks', key: request.ip });
    if (!budget.ok) throw appError('RATE_LIMITED', 'Too many failed access key checks; try again later');
  }
  if (request.accessKey === '') throw appError('UNAUTHENTICATED', 'An access key is required');
  const keyHash = await hashAccessKey(request.accessKey);
  const key = await db
    .query('accessKeys')
    .withIndex('by_keyHash', (q) => q.eq('keyHash', keyHash))
    .unique();
  if (key === null) throw appError('UNAUTHENTICATED', 'Unknown access key');
  if (key.revokedAt !== undefined) throw appError('UNAUTHENTICATED', 'This access key was revoked');
  const covered = coveredWorkspaces(key);
  if (request.workspace !== undefined && !covered.includes(request.workspace)) {
    // The holder of a valid key may learn what it covers (whoami says so too): it tells them which key to add.
    throw appError(
      'FORBIDDEN',
      `Access key "${key.label}" does not cover workspace "${request.workspace}"; it covers ${covered
        .map((slug) => `"${slug}"`)
        .join(', ')}`,
    );
  }
  if (ROLE_RANK[key.role] < ROLE_RANK[request.role]) {
    throw appError(
      'FORBIDDEN',
      `${request.action ?? 'This action'} needs an ${request.role} key; this is a ${key.role} key`,
    );
  }
  return {
    keyId: key._id,
    workspace: request.workspace ?? key.workspace,
    workspaces: covered,
    role: key.role,
    label: key.label,
  };
}

/** Every workspace a key may act on: the one it was made for, then any it was scoped to since. */
export function coveredWorkspaces(key: Pick<Doc<'accessKeys'>, 'workspace' | 'workspaces'>): string[] {
  return [key.workspace, ...(key.workspaces ?? []).filter((slug) => slug !== key.workspace)];
}
