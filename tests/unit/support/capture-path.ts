import { buildDraft } from '../../../lib/page/dom/build-draft';
import { finishSnapshot, type FinishOptions } from '../../../lib/capture/finish-snapshot';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { snapshotDraftSchema, type SnapshotDraft } from '../../../lib/capture/snapshot-draft';

/** A draft as the background receives it: posted as JSON (as runtime messages are), then checked by its schema. */
export function overTheWire(draft: SnapshotDraft): SnapshotDraft {
  return snapshotDraftSchema.parse(JSON.parse(JSON.stringify(draft)));
}

/** The whole capture path: the page builds a draft, sends it, and the background finishes it into a snapshot. */
export async function capture(
  input: Parameters<typeof buildDraft>[0],
  options: FinishOptions & { typeHint?: string },
): Promise<{ draft: SnapshotDraft; snapshot: Snapshot }> {
  const { typeHint, ...finish } = options;
  const draft = await buildDraft(input);
  const received = overTheWire(typeHint ? { ...draft, typeHint } : draft);
  return { draft, snapshot: await finishSnapshot(received, finish) };
}
