import { sectionKey } from './section-key';

/**
 * What a journal knows of its sections' sizes without reading them, so that retention with slack (prune-slack.ts)
 * reads a section only once it has grown past what it may keep. It only decides when to look, never what to remove.
 */
export function createSectionSizes() {
  /**
   * (backups) each section's size as the journal last counted it, kept up to date by its own writes: a count takes
   * 36 ms at 10,000 backups, and a save right after waits for it. An import forgets them all.
   */
  const sizes = new Map<string, number>();
  /**
   * (backups) what the last prune with slack left in each section, by the retention it kept (`keep`): pinned backups
   * and those not yet in Convex stay, and the next prune by the same retention waits until `slack` more have come on
   * top of them, not on top of the retention alone.
   */
  const leftByPrune = new Map<string, { size: number; keep: number }>();
  return {
    /** The size last counted and followed since, if any. */
    known: (workspace: string, type: string) => sizes.get(sectionKey(workspace, type)),
    /** The size as just counted or read. */
    counted(workspace: string, type: string, size: number): void {
      sizes.set(sectionKey(workspace, type), size);
    },
    /**
     * A write added (`by` > 0) or removed backups of a section; a section never counted stays unknown. A removal
     * lowers what the last prune left too: a deleted pinned backup makes no room for more beyond the retention.
     */
    resize(workspace: string, type: string, by: number): void {
      const key = sectionKey(workspace, type);
      const known = sizes.get(key);
      if (known !== undefined) sizes.set(key, known + by);
      const left = leftByPrune.get(key);
      if (by < 0 && left !== undefined) leftByPrune.set(key, { ...left, size: Math.max(0, left.size + by) });
    },
    /** An import wrote sections this journal did not follow: each is counted again when next pruned. */
    forget(): void {
      sizes.clear();
    },
    /**
     * The size a section may reach before a prune with slack reads it: `keep`, or more if the last one by the same
     * retention left more (a lowered retention applies at once).
     */
    floor(workspace: string, type: string, keep: number): number {
      const left = leftByPrune.get(sectionKey(workspace, type));
      return left?.keep === keep ? Math.max(keep, left.size) : keep;
    },
    /** What a prune with slack by retention `keep` left in a section. */
    left(workspace: string, type: string, size: number, keep: number): void {
      leftByPrune.set(sectionKey(workspace, type), { size, keep });
    },
  };
}
