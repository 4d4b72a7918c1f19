import { readChain, rebuildChecked, tryRebuild } from './body-chain';
import { applyPlan, planDelta, putWhole, type ChainMemo, type DeltaPlan } from './body-writes';
import { isDeltaBody, type JournalDb } from './open-journal';
import { STRICT } from './strict';

/** The JSON value of a whole body, or undefined when it is not JSON (it then stays whole). */
function parsed(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Content hashes of a section's backups, newest first, each once (where it last appears). */
async function hashesNewestFirst(db: JournalDb, workspace: string, type: string): Promise<string[]> {
  const range = IDBKeyRange.bound([workspace, type, -Infinity], [workspace, type, Infinity]);
  const records = await db.getAllFromIndex('backups', 'by_workspace_and_type_and_capturedAt', range);
  return [...new Set(records.reverse().map((record) => record.contentHash))];
}

/**
 * Re-encodes a section's whole bodies as a reverse chain: the newest stays (or becomes) whole, each older body a
 * delta on the next newer one, within the run limits. Pulled and imported backups arrive whole, and version 1
 * journals hold only whole bodies; this makes them as compact as backups recorded one by one. Returns how many
 * bodies became deltas.
 */
export async function compactSection(db: JournalDb, workspace: string, type: string): Promise<number> {
  const hashes = await hashesNewestFirst(db, workspace, type);
  const newest = hashes[0];
  if (newest === undefined) return 0;
  const head = await db.get('bodies', newest);
  let headData: string | null = null;
  if (head && isDeltaBody(head)) {
    const chain = await readChain(db.transaction('bodies').store, newest);
    headData = chain ? await rebuildChecked(chain) : null;
  }
  const plans: DeltaPlan[] = [];
  let newer: unknown = head && !isDeltaBody(head) ? parsed(head.data) : undefined;
  if (newer === undefined && headData !== null) newer = parsed(headData);
  for (let i = 1; i < hashes.length; i++) {
    const hash = hashes[i]!;
    const body = await db.get('bodies', hash);
    const value = body && !isDeltaBody(body) ? parsed(body.data) : undefined;
    const base = hashes[i - 1]!;
    if (newer === undefined) newer = await tryRebuild(db.transaction('bodies').store, base);
    const plan =
      body && !isDeltaBody(body) && newer !== undefined
        ? await planDelta(hash, body.data, base, newer)
        : null;
    if (plan) plans.push(plan);
    newer = value;
  }
  const tx = db.transaction('bodies', 'readwrite', STRICT);
  if (headData !== null) await putWhole(tx.store, newest, headData);
  const memo: ChainMemo = new Map();
  let encoded = 0;
  for (const plan of plans) if (await applyPlan(tx.store, plan, memo)) encoded += 1;
  await tx.done;
  return encoded;
}
