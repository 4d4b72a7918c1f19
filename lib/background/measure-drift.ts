import type { Snapshot } from '../capture/snapshot';
import { countDrift } from '../diff/count-drift';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { Drift } from '../storage';

/** Compares what a watched page shows with the latest backup of each of its sections. */
export async function measureDrift(
  journal: Journal,
  workspace: string,
  shown: Snapshot[],
  now: number,
): Promise<Drift> {
  const sections: Drift['sections'] = [];
  let since = now;
  for (const snapshot of shown) {
    const latest = await journal.latestOfSection(workspace, snapshot.type);
    if (!latest) continue;
    const backup = await journal.snapshotOf(latest);
    const changed = backup ? countDrift(backup, snapshot, { secretsComparable: madeHere(latest) }) : 0;
    if (changed === 0) continue;
    sections.push({ type: snapshot.type, title: snapshot.title, changed, backupId: latest.id });
    since = Math.min(since, latest.capturedAt);
  }
  return { changed: sections.reduce((sum, s) => sum + s.changed, 0), since, sections, checkedAt: now };
}
