import { applySnapshot } from '@/lib/restore/apply-snapshot';
import type { Snapshot } from '@/lib/capture/snapshot';

// Injected into a dashboard tab only when a restore runs (lib/background/apply-in-tab.ts), so restore code costs
// nothing on pages that are merely watched.
export default defineUnlistedScript(() => {
  (globalThis as { __savepointRestore?: unknown }).__savepointRestore = (
    snapshot: Snapshot,
    fields: string[] | null,
  ) => applySnapshot(document, snapshot, fields ?? undefined);
});
