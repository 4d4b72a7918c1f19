// Backups of a section are stored as a reverse chain: the newest whole, each older one as the JSON delta
// (lib/delta/json-delta.ts) that turns the next newer backup's data into its own. Every read rebuilds whole data and
// checks it against the backup's content hash; deleting a backup folds the delta resting on it into that one.
import { canonicalJson, contentHash } from '../lib/capture/canonical-json';
import { sha256Hex } from '../lib/capture/sha256-hex';
import type { Snapshot } from '../lib/capture/snapshot';
import { applyJsonDelta } from '../lib/delta/apply-json-delta';
import { composeJsonDeltas } from '../lib/delta/compose-json-deltas';
import { diffJson } from '../lib/delta/diff-json';
import { parseJsonDelta } from '../lib/delta/json-delta';
import { MAX_RUN_BODIES, MAX_RUN_HOPS } from '../lib/delta/run-limits';
import type { Doc, Id } from './_generated/dataModel';
import type { MutationCtx, QueryCtx } from './_generated/server';
import { storedText, utf8Size, writeText } from './backupText';
import { appError } from './errors';

/** Whole data already rebuilt in this function call, by backup id (a page's backups rest on one another). */
export type RebuildCache = Map<Id<'settingsBackups'>, string>;

/**
 * Stores `previous` (the section's newest backup until now, whole) as a delta on the new backup `newId`, whose
 * whole data is `data`, unless its run would grow past the limits: then it stays whole and starts a new run.
 */
export async function storeAsDelta(
  ctx: MutationCtx,
  previous: Doc<'settingsBackups'>,
  newId: Id<'settingsBackups'>,
  data: string,
): Promise<void> {
  if (previous.baseId !== undefined) return;
  const text = await storedText(ctx, previous);
  let ops: string;
  try {
    const value: unknown = JSON.parse(text);
    // Only data a rebuild gives back to the letter (JSON as JSON.stringify writes it) becomes a delta.
    if (JSON.stringify(value) !== text) return;
    ops = JSON.stringify(diffJson(JSON.parse(data), value));
  } catch {
    // Data that is not JSON (never stored by this backend, but old rows are not re-checked) stays whole.
    return;
  }
  const runHops = (previous.runHops ?? 0) + 1;
  const runBytes = (previous.runBytes ?? 0) + utf8Size(ops);
  if (runHops > MAX_RUN_HOPS || runBytes > MAX_RUN_BODIES * utf8Size(data)) return;
  await writeText(ctx, previous, ops, { baseId: newId });
  await ctx.db.patch(newId, { runHops, runBytes });
}

function corrupted(doc: Doc<'settingsBackups'>, why: string): Error {
  return appError('CORRUPTED', `Backup ${doc.clientBackupId} cannot be rebuilt: ${why}`);
}

/** Whether whole `data` is what the backup's content hash says, hashed as it was when stored. */
async function matchesHash(doc: Doc<'settingsBackups'>, data: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse(data);
    const hash =
      doc.source === 'api' ? await sha256Hex(canonicalJson(value)) : await contentHash(value as Snapshot);
    return hash === doc.contentHash;
  } catch {
    return false;
  }
}

/**
 * The whole data of a backup, rebuilt from the newer backups it rests on and checked against its content hash.
 * Throws CORRUPTED when a base is missing, the chain loops, a delta does not apply or the result is not the backup.
 */
export async function wholeData(
  ctx: QueryCtx,
  doc: Doc<'settingsBackups'>,
  cache: RebuildCache = new Map(),
): Promise<string> {
  const known = cache.get(doc._id);
  if (known !== undefined) return known;
  if (doc.baseId === undefined) {
    const data = await storedText(ctx, doc);
    cache.set(doc._id, data);
    return data;
  }
  const deltas: Doc<'settingsBackups'>[] = [];
  const seen = new Set<Id<'settingsBackups'>>();
  let row = doc;
  let base: string | undefined;
  while (base === undefined) {
    if (seen.has(row._id)) throw corrupted(doc, 'its chain of changes loops');
    seen.add(row._id);
    deltas.push(row);
    const baseId = row.baseId;
    if (baseId === undefined) throw corrupted(doc, 'its chain has no whole backup');
    base = cache.get(baseId);
    if (base !== undefined) break;
    const next = await ctx.db.get(baseId);
    if (next === null) throw corrupted(doc, 'the backup it is stored as a change of is missing');
    if (next.baseId === undefined) base = await storedText(ctx, next);
    else row = next;
  }
  let value: unknown;
  try {
    value = JSON.parse(base);
    for (let i = deltas.length - 1; i >= 0; i--)
      value = applyJsonDelta(value, parseJsonDelta(await storedText(ctx, deltas[i]!)));
  } catch {
    throw corrupted(doc, 'its stored changes are corrupted');
  }
  const data = JSON.stringify(value);
  if (!(await matchesHash(doc, data)))
    throw corrupted(doc, 'the rebuilt data does not match its content hash');
  cache.set(doc._id, data);
  return data;
}

/**
 * Before a backup is deleted: the backups stored as deltas on it are folded, onto its own base when it is a delta
 * itself, or rebuilt whole when it is whole. A delta that cannot be folded (already corrupted) is left as it is.
 */
export async function foldDependants(ctx: MutationCtx, doc: Doc<'settingsBackups'>): Promise<void> {
  const dependants = await ctx.db
    .query('settingsBackups')
    .withIndex('by_baseId', (q) => q.eq('baseId', doc._id))
    .take(10);
  if (dependants.length === 0) return;
  const own = await storedText(ctx, doc);
  for (const dependant of dependants) {
    try {
      const ops = parseJsonDelta(await storedText(ctx, dependant));
      if (doc.baseId === undefined) {
        await writeText(ctx, dependant, JSON.stringify(applyJsonDelta(JSON.parse(own), ops)), {
          baseId: undefined,
        });
      } else {
        const composed = composeJsonDeltas(parseJsonDelta(own), ops);
        await writeText(ctx, dependant, JSON.stringify(composed), { baseId: doc.baseId });
      }
    } catch {
      // Already unreadable: reading it reports it, folding cannot make it worse or better.
    }
  }
}
