import { readDrift, writeDrift } from '../storage';

/** A section was just backed up: it no longer counts as changed since its latest backup. */
export async function clearDriftSection(workspace: string, type: string): Promise<void> {
  const all = await readDrift();
  const drift = all[workspace];
  if (!drift?.sections.some((section) => section.type === type)) return;
  const sections = drift.sections.filter((section) => section.type !== type);
  const changed = sections.reduce((sum, section) => sum + section.changed, 0);
  await writeDrift(workspace, { ...drift, sections, changed });
}
