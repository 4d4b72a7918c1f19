import { convexTest } from 'convex-test';
import { expect, vi } from 'vitest';
import { internal } from '../../convex/_generated/api';
import schema from '../../convex/schema';
import { contentHash } from '../../lib/capture/canonical-json';
import type { Snapshot } from '../../lib/capture/snapshot';

/** Every Convex module (no tests live under convex/). */
export const modules = import.meta.glob('../../convex/**/*.*s');

/** A fresh in-memory backend. */
export function newBackend() {
  return convexTest(schema, modules);
}

export type Backend = ReturnType<typeof newBackend>;

/** A backend with workspace `acme` (admin + capture keys) and workspace `globex` (admin key). */
export async function seededBackend() {
  const t = newBackend();
  const admin = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'admin',
    label: 'Ops admin',
  });
  const capture = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'capture',
    label: 'Laptop',
  });
  const other = await t.mutation(internal.keys.create, {
    workspace: 'globex',
    role: 'admin',
    label: 'Globex',
  });
  return {
    t,
    adminKey: admin.key,
    captureKey: capture.key,
    captureKeyId: capture.keyId,
    otherKey: other.key,
    /** Access arguments of the acme admin key. */
    admin: { accessKey: admin.key, workspace: 'acme' },
    /** Access arguments of the acme capture key. */
    capture: { accessKey: capture.key, workspace: 'acme' },
  };
}

/** A snapshot as the extension makes it, of section `type` with these field values. */
export function snapshotOf(type: string, values: Record<string, string>): Snapshot {
  return {
    type,
    title: 'Bot names',
    pageUrl: 'https://app.example.com/acme/settings',
    fields: Object.entries(values).map(([key, value]) => ({
      key,
      label: key,
      value,
      locator: { name: key, inputType: 'text' },
    })),
    trigger: { kind: 'form' },
    leftOut: [],
  };
}

/**
 * Arguments of a small valid backup: a snapshot of `values` with its real content hash, unless `overrides` sets
 * `data` (then `contentHash` is whatever `overrides` says, or the default snapshot's).
 */
export async function backupArgs(
  overrides: Record<string, unknown> = {},
  values: Record<string, string> = { name: 'Robo' },
) {
  const type =
    typeof overrides.type === 'string' && overrides.type.trim() !== '' ? overrides.type : 'bot-names';
  const snapshot = snapshotOf(type, values);
  return {
    type,
    clientBackupId: crypto.randomUUID(),
    data: JSON.stringify(snapshot),
    contentHash: await contentHash(snapshot),
    source: 'auto' as const,
    capturedAt: 1_700_000_000_000,
    ...overrides,
  };
}

const TABLES = [
  'workspaces',
  'accessKeys',
  'settingsBackups',
  'backupChunks',
  'sectionCounts',
  'auditLog',
  'rateLimits',
] as const;

/**
 * Every document of every table, to assert that a refusal wrote nothing; once the functions scheduled so far have
 * run (retention after a backup counts its section), so that what they write is never taken for the refusal's.
 */
export async function everything(t: Backend) {
  await t.finishAllScheduledFunctions(vi.isFakeTimers() ? vi.runAllTimers : () => undefined);
  return await t.run(async (ctx) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) tables[table] = await ctx.db.query(table).collect();
    return tables;
  });
}

/** Asserts that `call` is refused with `code` and leaves the database untouched. */
export async function expectRefused(
  t: Backend,
  call: () => Promise<unknown>,
  code: string,
  message?: string,
) {
  const before = await everything(t);
  const data = await call().then(
    () => null,
    (error: { data?: unknown }) => error.data ?? null,
  );
  expect(data).toMatchObject({ code, ...(message === undefined ? {} : { message }) });
  expect(await everything(t)).toEqual(before);
}
