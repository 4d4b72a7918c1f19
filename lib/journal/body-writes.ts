import type { IDBPObjectStore, StoreNames } from 'idb';
import { sha256Hex } from '../capture/sha256-hex';
import { applyJsonDelta } from '../delta/apply-json-delta';
import { composeJsonDeltas } from '../delta/compose-json-deltas';
import { diffJson } from '../delta/diff-json';
import { parseJsonDelta, type JsonDelta } from '../delta/json-delta';
import { MAX_RUN_BODIES, MAX_RUN_HOPS } from '../delta/run-limits';
import { tryRebuild, utf8Bytes } from './body-chain';
import { isDeltaBody, type DeltaBody, type JournalSchema, type StoredBody } from './open-journal';

/** The `bodies` store inside a read-write transaction. */
export type BodyWriter = IDBPObjectStore<
  JournalSchema,
  ArrayLike<StoreNames<JournalSchema>>,
  'bodies',
  'readwrite'
>;

/** A whole body to be rewritten as a delta on a newer body, worked out before the write transaction. */
export interface DeltaPlan {
  hash: string;
  /** The whole body's data as it was when planned: the plan is dropped if it changed meanwhile. */
  data: string;
  base: string;
  ops: string;
  check: string;
}

/**
 * The plan that stores body `hash` (whole JSON `data`) as a delta on `base`, whose JSON value is `baseValue`; null
 * when `data` is not JSON as `JSON.stringify` writes it (a rebuild could not give back the same text).
 */
export async function planDelta(
  hash: string,
  data: string,
  base: string,
  baseValue: unknown,
): Promise<DeltaPlan | null> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (JSON.stringify(value) !== data) return null;
  const ops = JSON.stringify(diffJson(baseValue, value));
  return { hash, data, base, ops, check: await sha256Hex(data) };
}

/** Where a delta body's chain ends, kept while compacting so each plan does not walk the whole run again. */
export type ChainMemo = Map<string, { hops: number; bytes: number; head: string }>;

/**
 * Rewrites a whole body as planned, unless that would loop (the base rests on it), break the run limits, or the
 * body changed since it was planned. Returns whether it was rewritten.
 */
export async function applyPlan(
  store: BodyWriter,
  plan: DeltaPlan,
  memo: ChainMemo = new Map(),
): Promise<boolean> {
  const body = await store.get(plan.hash);
  if (!body || isDeltaBody(body) || body.data !== plan.data || plan.hash === plan.base) return false;
  let head = await store.get(plan.base);
  let hops = 0;
  let bytes = 0;
  while (head && isDeltaBody(head)) {
    if (head.hash === plan.hash || hops > MAX_RUN_HOPS) return false;
    const known = memo.get(head.hash);
    hops += known ? known.hops : 1;
    bytes += known ? known.bytes : utf8Bytes(head.ops);
    head = await store.get(known ? known.head : head.base);
  }
  if (!head || head.hash === plan.hash) return false;
  const opsBytes = utf8Bytes(plan.ops);
  const runHops = (body.runHops ?? 0) + 1 + hops;
  const runBytes = (body.runBytes ?? 0) + opsBytes + bytes;
  if (runHops > MAX_RUN_HOPS || runBytes > MAX_RUN_BODIES * utf8Bytes(head.data)) return false;
  await store.put({ ...runOf(body), hash: plan.hash, base: plan.base, ops: plan.ops, check: plan.check });
  await store.put({
    ...head,
    runHops: Math.max(head.runHops ?? 0, runHops),
    runBytes: Math.max(head.runBytes ?? 0, runBytes),
  });
  memo.set(plan.hash, { hops: hops + 1, bytes: bytes + opsBytes, head: head.hash });
  return true;
}

async function dependantsOf(store: BodyWriter, hash: string): Promise<DeltaBody[]> {
  return (await store.index('by_base').getAll(hash)).filter(isDeltaBody);
}

function runOf(body: StoredBody) {
  return {
    ...(body.runHops === undefined ? {} : { runHops: body.runHops }),
    ...(body.runBytes === undefined ? {} : { runBytes: body.runBytes }),
  };
}

/**
 * Stores `data` whole under `hash`. Deltas already resting on an older body under that hash are re-encoded on the
 * new data, which may differ outside what the hash covers (page URL, locators).
 */
export async function putWhole(store: BodyWriter, hash: string, data: string): Promise<void> {
  const existing = await store.get(hash);
  if (existing && !isDeltaBody(existing) && existing.data === data) return;
  const dependants = existing ? await dependantsOf(store, hash) : [];
  if (existing && dependants.length > 0) {
    const oldValue = await tryRebuild(store, hash);
    const newValue: unknown = JSON.parse(data);
    for (const dependant of dependants) {
      const value = oldValue === undefined ? undefined : applied(structuredClone(oldValue), dependant.ops);
      // A dependant that did not rebuild before stays as it was: reading it still reports it corrupted.
      if (value === undefined) continue;
      await store.put({ ...dependant, ops: JSON.stringify(diffJson(newValue, value)) });
    }
  }
  await store.put({ ...(existing ? runOf(existing) : {}), hash, data });
}

function applied(value: unknown, ops: string): unknown {
  try {
    return applyJsonDelta(value, parseJsonDelta(ops));
  } catch {
    return undefined;
  }
}

/**
 * Deletes a body no backup uses any more. Deltas resting on it are folded first: onto its own base when it is a
 * delta itself, or rebuilt whole when it is whole. A body whose dependants cannot be folded (a corrupted delta) is
 * kept, so nothing readable becomes unreadable.
 */
export async function releaseBody(store: BodyWriter, hash: string): Promise<void> {
  const body = await store.get(hash);
  if (!body) return;
  const dependants = await dependantsOf(store, hash);
  const folded: StoredBody[] = [];
  for (const dependant of dependants) {
    const next = fold(body, dependant);
    if (!next) return;
    folded.push(next);
  }
  for (const next of folded) await store.put(next);
  await store.delete(hash);
}

function fold(body: StoredBody, dependant: DeltaBody): StoredBody | undefined {
  let ops: JsonDelta;
  try {
    ops = parseJsonDelta(dependant.ops);
    if (isDeltaBody(body)) {
      const composed = composeJsonDeltas(parseJsonDelta(body.ops), ops);
      return { ...dependant, base: body.base, ops: JSON.stringify(composed) };
    }
    const value = applyJsonDelta(JSON.parse(body.data), ops);
    return { ...runOf(dependant), hash: dependant.hash, data: JSON.stringify(value), check: dependant.check };
  } catch {
    return undefined;
  }
}
