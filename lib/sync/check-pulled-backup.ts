import { contentHash } from '../capture/canonical-json';
import { snapshotSchema, type Snapshot } from '../capture/snapshot';
import { snapshotWithoutBidiControls } from '../capture/snapshot-without-bidi-controls';
import type { RemoteBackup } from './parse-remote-backup';

export type { RemoteBackup } from './parse-remote-backup';

/** Why a pulled backup was left out: not the extension's (an HTTP API backup), not a snapshot, or a wrong hash. */
export type PullRefusal = 'notSnapshot' | 'malformed' | 'mismatched';

/**
 * The snapshot of a pulled backup, checked as if it came from anyone: it must parse with the snapshot schema, be
 * of the section the backup names, and hash to the backup's content hash (so it cannot stand in for another body).
 * The snapshot returned has no bidi controls in its title and labels.
 */
export async function checkPulledBackup(
  backup: RemoteBackup,
): Promise<{ snapshot: Snapshot; data: string } | { refused: PullRefusal }> {
  if (backup.source === 'api') return { refused: 'notSnapshot' };
  let json: unknown;
  try {
    json = JSON.parse(backup.data);
  } catch {
    return { refused: 'malformed' };
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success || parsed.data.type !== backup.type) return { refused: 'malformed' };
  if ((await contentHash(parsed.data)) !== backup.contentHash) return { refused: 'mismatched' };
  // Its title and labels lose their bidi controls; the hash covers neither, so it still matches.
  const snapshot = snapshotWithoutBidiControls(parsed.data);
  return { snapshot, data: JSON.stringify(snapshot) };
}
