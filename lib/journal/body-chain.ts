import type { IDBPObjectStore, StoreNames } from 'idb';
import { sha256Hex } from '../capture/sha256-hex';
import { applyJsonDelta } from '../delta/apply-json-delta';
import { parseJsonDelta } from '../delta/json-delta';
import {
  isDeltaBody,
  type DeltaBody,
  type JournalSchema,
  type StoredBody,
  type WholeBody,
} from './open-journal';
import { SnapshotRebuildError } from './snapshot-rebuild-error';

type Stores = ArrayLike<StoreNames<JournalSchema>>;
/** The `bodies` store inside a transaction, for reading. */
export type BodyReader = Pick<IDBPObjectStore<JournalSchema, Stores, 'bodies', IDBTransactionMode>, 'get'>;

/** A body and the bodies under it down to the first whole one (`whole`); `deltas[0]` is the body asked for. */
export interface BodyChain {
  hash: string;
  deltas: DeltaBody[];
  whole: WholeBody;
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Reads the chain of bodies under `hash`; null when there is no such body. Throws when a base is gone or loops. */
export async function readChain(store: BodyReader, hash: string): Promise<BodyChain | null> {
  let body = await store.get(hash);
  if (!body) return null;
  const deltas: DeltaBody[] = [];
  const seen = new Set<string>();
  while (isDeltaBody(body)) {
    if (seen.has(body.hash)) throw new SnapshotRebuildError(hash, 'cycle');
    seen.add(body.hash);
    deltas.push(body);
    const base: StoredBody | undefined = await store.get(body.base);
    if (!base) throw new SnapshotRebuildError(hash, 'missing-base');
    body = base;
  }
  return { hash, deltas, whole: body };
}

/** The JSON value a chain stands for, without checking it; throws when a delta does not apply. */
export function rebuildValue(chain: BodyChain): unknown {
  try {
    let value: unknown = JSON.parse(chain.whole.data);
    for (let i = chain.deltas.length - 1; i >= 0; i--)
      value = applyJsonDelta(value, parseJsonDelta(chain.deltas[i]!.ops));
    return value;
  } catch {
    throw new SnapshotRebuildError(chain.hash, 'bad-delta');
  }
}

/**
 * The JSON text a chain stands for, checked against the digest kept with the body: a wrong snapshot is never
 * returned. A whole body stored as this device wrote it has no digest and is returned as it is.
 */
export async function rebuildChecked(chain: BodyChain): Promise<string> {
  const top = chain.deltas[0] ?? chain.whole;
  if (!top.check) return chain.whole.data;
  const data = chain.deltas.length === 0 ? chain.whole.data : JSON.stringify(rebuildValue(chain));
  if ((await sha256Hex(data)) !== top.check) throw new SnapshotRebuildError(chain.hash, 'mismatch');
  return data;
}

/** The JSON value of body `hash`, unchecked, or undefined when it is missing or cannot be rebuilt. */
export async function tryRebuild(store: BodyReader, hash: string): Promise<unknown> {
  try {
    const chain = await readChain(store, hash);
    return chain ? rebuildValue(chain) : undefined;
  } catch {
    return undefined;
  }
}
