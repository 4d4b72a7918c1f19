import { contentHash } from '../capture/canonical-json';
import type { ImportReport } from '../messaging';
import type { z } from '../zod';
import { bundleBackupSchema, bundleEnvelopeSchema, type BundleBackup } from './bundle-schema';
import type { Journal } from './create-journal';

type Invalid = ImportReport['invalid'][number];

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid entry';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

async function checkEntry(raw: unknown, index: number): Promise<BundleBackup | Invalid> {
  const parsed = bundleBackupSchema.safeParse(raw);
  if (!parsed.success) return { index, reason: describeIssue(parsed.error) };
  const entry = parsed.data;
  if (entry.snapshot.type !== entry.type) return { index, reason: 'type does not match its snapshot' };
  if ((await contentHash(entry.snapshot)) !== entry.contentHash) {
    return { index, reason: 'contentHash does not match its snapshot' };
  }
  return entry;
}

/** Imports an exported bundle into the journal; nothing is applied unless every entry is valid. */
export async function importBundle(journal: Journal, bundle: unknown): Promise<ImportReport> {
  const envelope = bundleEnvelopeSchema.safeParse(bundle);
  if (!envelope.success) {
    return {
      added: 0,
      identical: 0,
      invalid: [{ index: -1, reason: `Not a Savepoint bundle (${describeIssue(envelope.error)})` }],
    };
  }
  const entries: BundleBackup[] = [];
  const invalid: Invalid[] = [];
  for (const [index, raw] of envelope.data.backups.entries()) {
    const checked = await checkEntry(raw, index);
    if ('reason' in checked) invalid.push(checked);
    else entries.push(checked);
  }
  if (invalid.length) return { added: 0, identical: 0, invalid };

  // Section contents already in the journal, per workspace, so a backup imported twice is recognised.
  const known = new Map<string, Set<string>>();
  async function knownOf(workspace: string): Promise<Set<string>> {
    let set = known.get(workspace);
    if (!set) {
      set = new Set((await journal.list(workspace)).map((record) => `${record.type}\n${record.contentHash}`));
      known.set(workspace, set);
    }
    return set;
  }

  let added = 0;
  let identical = 0;
  // Oldest first, so each import's "fields changed" counts against the backup before it.
  for (const entry of [...entries].sort((a, b) => a.capturedAt - b.capturedAt)) {
    const contents = await knownOf(entry.workspace);
    const key = `${entry.type}\n${entry.contentHash}`;
    if (contents.has(key) || (await journal.get(entry.id))) {
      identical += 1;
      continue;
    }
    const result = await journal.record({
      id: entry.id,
      workspace: entry.workspace,
      snapshot: entry.snapshot,
      contentHash: entry.contentHash,
      source: 'import',
      capturedAt: entry.capturedAt,
      device: entry.device,
      ...(entry.label ? { label: entry.label } : {}),
      ...(entry.note ? { note: entry.note } : {}),
    });
    contents.add(key);
    if (!result.added) {
      identical += 1;
      continue;
    }
    if (entry.pinned) await journal.update(entry.id, (record) => ({ ...record, pinned: true }));
    added += 1;
  }
  return { added, identical, invalid: [] };
}
