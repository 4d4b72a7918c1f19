// The server checks what a backup says instead of taking the writer's word. The snapshot's shape and its content
// hash come from the extension's own code (lib/capture), so client and server can never disagree on either.
import { canonicalJson, contentHash } from '../lib/capture/canonical-json';
import { sha256Hex } from '../lib/capture/sha256-hex';
import { snapshotSchema } from '../lib/capture/snapshot';
import type { AuthorizedKey } from './access';
import { appError } from './errors';
import { MAX_CLOCK_SKEW } from './limits';
import type { BackupSource } from './schema';

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw appError('INVALID', 'data must be a JSON string');
  }
}

/**
 * The snapshot in `data` as the schema reads it (members the schema does not know are dropped), refused unless it
 * is a snapshot of section `type` whose content hash is `claimedHash`.
 */
export async function checkedSnapshotData(data: string, type: string, claimedHash: string): Promise<string> {
  const parsed = snapshotSchema.safeParse(parseJson(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw appError('INVALID', `data is not a snapshot (${where}${issue?.message ?? 'invalid'})`);
  }
  const snapshot = parsed.data;
  if (snapshot.type !== type) {
    throw appError('INVALID', `data is a snapshot of section "${snapshot.type}", not of "${type}"`);
  }
  if ((await contentHash(snapshot)) !== claimedHash) {
    throw appError('INVALID', 'contentHash does not match the snapshot');
  }
  return JSON.stringify(snapshot);
}

/** The content hash of any JSON (an HTTP API backup): SHA-256 of its canonical JSON, as the extension hashes. */
export async function jsonContentHash(data: string): Promise<string> {
  return await sha256Hex(canonicalJson(parseJson(data)));
}

/** The source the server records: only an admin key (the only kind that may restore) records `restore`. */
export function recordedSource(source: BackupSource, key: AuthorizedKey): BackupSource {
  return source === 'restore' && key.role !== 'admin' ? 'auto' : source;
}

/** The capture time the server records: a time ahead of its own clock by more than the allowed skew is `now`. */
export function recordedCapturedAt(capturedAt: number, now: number): number {
  if (!Number.isFinite(capturedAt) || capturedAt < 0)
    throw appError('INVALID', 'capturedAt must be a time in milliseconds');
  return capturedAt > now + MAX_CLOCK_SKEW ? now : capturedAt;
}
