import { MAX_CLOCK_SKEW } from '../../convex/sharedLimits';
import { contentHash } from '../capture/canonical-json';
import { withoutBidiControls } from '../capture/clean-text';
import { snapshotWithoutBidiControls } from '../capture/snapshot-without-bidi-controls';
import type { ImportReport } from '../messaging';
import { MINUTE } from '../time';
import type { z } from '../zod';
import {
  bundleBackupSchema,
  bundleEnvelopeSchema,
  MAX_BUNDLE_BACKUPS,
  MAX_BUNDLE_VALUE_DEPTH,
  nestedDeeperThan,
  type BundleBackup,
} from './bundle-schema';
import type { Journal } from './create-journal';
import { labelAndNote } from './label-and-note';

type Invalid = ImportReport['invalid'][number];

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid entry';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Why a capture time cannot be imported, or null: the limits Convex applies to a pushed backup. Convex records a
 * time too far ahead as now; an import refuses it instead, since it would sit above every real backup as "ahead of
 * this clock" and, once synced, change its capture time.
 */
function capturedAtProblem(capturedAt: number, now: number): string | null {
  if (capturedAt < 0) return 'capturedAt must be a time in milliseconds';
  if (capturedAt > now + MAX_CLOCK_SKEW) {
    return `capturedAt is ahead of this device's clock by more than ${MAX_CLOCK_SKEW / MINUTE} minutes`;
  }
  return null;
}

async function checkEntry(raw: unknown, index: number, now: number): Promise<BundleBackup | Invalid> {
  if (nestedDeeperThan(raw, MAX_BUNDLE_VALUE_DEPTH)) {
    return { index, reason: `values are nested deeper than ${MAX_BUNDLE_VALUE_DEPTH} levels` };
  }
  const parsed = bundleBackupSchema.safeParse(raw);
  if (!parsed.success) return { index, reason: describeIssue(parsed.error) };
  const entry = parsed.data;
  const timeProblem = capturedAtProblem(entry.capturedAt, now);
  if (timeProblem) return { index, reason: timeProblem };
  if (entry.snapshot.type !== entry.type) return { index, reason: 'type does not match its snapshot' };
  if ((await contentHash(entry.snapshot)) !== entry.contentHash) {
    return { index, reason: 'contentHash does not match its snapshot' };
  }
  return entry;
}

function refusedBundle(reason: string): ImportReport {
  return { added: 0, identical: 0, conflicting: 0, invalid: [{ index: -1, reason }] };
}

/**
 * Imports an exported bundle into the journal, all or nothing: nothing is applied unless every entry is valid and
 * within the limits, and the entries are written in one transaction, so a failure half-way leaves no trace.
 */
export async function importBundle(
  journal: Journal,
  bundle: unknown,
  now: number = Date.now(),
): Promise<ImportReport> {
  const envelope = bundleEnvelopeSchema.safeParse(bundle);
  if (!envelope.success) return refusedBundle(`Not a Savepoint bundle (${describeIssue(envelope.error)})`);
  const count = envelope.data.backups.length;
  if (count > MAX_BUNDLE_BACKUPS) {
    return refusedBundle(`A bundle holds at most ${MAX_BUNDLE_BACKUPS} backups; this one has ${count}`);
  }
  const entries: BundleBackup[] = [];
  const invalid: Invalid[] = [];
  for (const [index, raw] of envelope.data.backups.entries()) {
    const checked = await checkEntry(raw, index, now);
    if ('reason' in checked) invalid.push(checked);
    else entries.push(checked);
  }
  if (invalid.length) return { added: 0, identical: 0, conflicting: 0, invalid };

  // Oldest first, so each import's "fields changed" counts against the backup before it.
  const ordered = [...entries].sort((a, b) => a.capturedAt - b.capturedAt);
  try {
    const counts = await journal.importAll(
      // What people read loses its bidi controls; the content hash, checked above, covers none of it.
      ordered.map(({ pinned, type: _type, title: _title, label, note, device, snapshot, ...backup }) => ({
        backup: {
          ...backup,
          ...labelAndNote({ label, note }),
          device: withoutBidiControls(device),
          snapshot: snapshotWithoutBidiControls(snapshot),
          source: 'import' as const,
        },
        pinned,
      })),
    );
    return { ...counts, invalid: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The import failed and nothing was imported: ${reason}`, { cause: error });
  }
}
