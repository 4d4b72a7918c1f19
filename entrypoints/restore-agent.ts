import { applySnapshot } from '@/lib/page/restore-agent/apply-snapshot';
import { readResource, sendSave } from '@/lib/page/restore-agent/page-requests';
import { RESTORE_AGENT, type RestoreAgent } from '@/lib/page/restore-agent/restore-agent-api';

// Injected into a dashboard tab only when a restore runs (lib/background/apply-in-tab.ts), so restore code costs
// nothing on pages that are merely watched. It lives in the extension's isolated world: page scripts cannot call it.
export default defineUnlistedScript(() => {
  const agent: RestoreAgent = {
    apply: (snapshot, fields, putBack) => applySnapshot(document, snapshot, fields ?? undefined, putBack),
    read: (url) => readResource(url),
    send: (save) => sendSave(save),
  };
  (globalThis as Record<string, unknown>)[RESTORE_AGENT] = agent;
});
