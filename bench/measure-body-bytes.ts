import 'fake-indexeddb/auto';
import { contentHash } from '../lib/capture/canonical-json';
import type { CapturedField, Snapshot } from '../lib/capture/snapshot';
import { createJournal } from '../lib/journal/create-journal';
import { isDeltaBody, openJournal, type StoredBody } from '../lib/journal/open-journal';
import { medianMs } from './stats';
import { bytes, met, ms, ratioText, type BenchRow } from './bench-row';

/** Saves of one section, each changing one field. */
export const SAVES = 1_000;
/** (bytes) of the synthetic settings page's snapshot, at least. */
const SNAPSHOT_BYTES = 100 * 1024;
/** (characters) of each synthetic field's value. */
export const VALUE_CHARS = 150;

/** A settings section of ~100 KB: text fields with long values. */
export function bigSnapshot(): Snapshot {
  const fields: CapturedField[] = [];
  const snapshot: Snapshot = {
    type: 'big-settings',
    title: 'Big settings',
    pageUrl: 'http://127.0.0.1/acme/settings/big',
    fields,
    trigger: { kind: 'fetch' },
    leftOut: [],
  };
  while (JSON.stringify(snapshot).length < SNAPSHOT_BYTES) {
    const i = fields.length;
    fields.push({
      key: `field${i}`,
      label: `Field ${i}`,
      value: `value ${i} `.padEnd(VALUE_CHARS, 'x'),
      locator: { name: `field${i}`, label: `Field ${i}`, section: 'Big settings', inputType: 'text' },
    });
  }
  return snapshot;
}

/** (bytes) stored for one body: the whole JSON, or the delta's operations. */
function storedBytes(body: StoredBody): number {
  return new TextEncoder().encode(isDeltaBody(body) ? body.ops : body.data).byteLength;
}

/**
 * Row 9 (second half): bytes of snapshot bodies after 1,000 one-field changes of a ~100 KB page in the local
 * journal (fake-indexeddb), against one body; and the time to rebuild the oldest backup against reading the newest.
 */
export async function measureBodyBytes(): Promise<BenchRow[]> {
  const name = `savepoint-bench-${Date.now()}`;
  const db = await openJournal(name);
  const journal = createJournal(db);
  const snapshot = bigSnapshot();
  const bodyBytes = async () => {
    let total = 0;
    for (const body of await db.getAll('bodies')) total += storedBytes(body);
    return total;
  };
  let one = 0;
  const hashes: string[] = [];
  for (let i = 0; i < SAVES; i += 1) {
    const field = snapshot.fields[i % snapshot.fields.length];
    if (field && i > 0) field.value = `changed ${i} `.padEnd(VALUE_CHARS, 'y');
    hashes.push(await contentHash(snapshot));
    await journal.record({
      id: `bench-${i}`,
      workspace: 'acme',
      snapshot: structuredClone(snapshot),
      contentHash: hashes[i]!,
      source: 'auto',
      capturedAt: 1_700_000_000_000 + i,
      device: 'bench',
    });
    if (i === 0) one = await bodyBytes();
  }
  const total = await bodyBytes();
  const bodies = await journal.countBodies();
  const deltas = (await db.getAll('bodies')).filter(isDeltaBody).length;
  const oldest = await medianMs(5, () => journal.readSnapshot(hashes[0]!));
  const newest = await medianMs(5, () => journal.readSnapshot(hashes[SAVES - 1]!));
  db.close();
  indexedDB.deleteDatabase(name);
  return [
    {
      figure: `9. snapshot body bytes after ${SAVES.toLocaleString('en')} one-field changes (~100 KB page), local`,
      value: `${bytes(total)} in ${bodies} bodies (${deltas} deltas)`,
      baseline: `${bytes(one)} (one save)`,
      ratio: ratioText(total, one),
      target: '≤ 3×',
      met: met(total <= 3 * one),
    },
    {
      figure: `9. rebuild the oldest of ${SAVES.toLocaleString('en')} backups, local`,
      value: ms(oldest),
      baseline: `${ms(newest)} (read the newest)`,
      ratio: ratioText(oldest, newest),
      target: '— (none set)',
      met: '—',
    },
  ];
}
