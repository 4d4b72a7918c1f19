import type { ConvexHttpClient } from 'convex/browser';
import { AUDIT_ACTIONS, ROLES } from '../../convex/sharedValues';
import { withoutBidiControls } from '../capture/clean-text';
import type { Journal } from '../journal/create-journal';
import { readWorkspaceFacts, writeWorkspaceFacts, type Settings } from '../storage';
import { z } from '../zod';
import { accessKeyFor } from './access-key-for';
import { convexReads } from './convex-reads';

/** Reads of the change feed per pull at most (100 entries each), so one pull stays bounded. */
const MAX_READS = 10;

/** A device or key name as Convex reports it, without bidi controls: the popup shows it. */
const nameSchema = z.string().max(200).transform(withoutBidiControls);

// What Convex says changed is checked like any pulled data: an entry that does not parse is skipped.
const changeSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  clientBackupId: z.string().min(1).max(200).optional(),
  keyLabel: nameSchema,
  device: nameSchema.optional(),
  at: z.number(),
});
type Change = z.infer<typeof changeSchema>;

const feedSchema = z.object({
  entries: z.array(z.unknown()),
  more: z.boolean(),
  retention: z.number().int().min(1).max(100_000),
  retentionSet: z.boolean(),
  key: z.object({ role: z.enum(ROLES), label: nameSchema }),
});

/** "Chromium on Linux · key Ops laptop": who did something, as the audit recorded it. */
export function whoDid(change: { device?: string | undefined; keyLabel: string }): string {
  return change.device ? `${change.device} · key ${change.keyLabel}` : `key ${change.keyLabel}`;
}

/**
 * Applies one change of `workspace`'s feed to this device's journal; true when a backup here changed. Backup ids are
 * one namespace here but one per workspace in Convex: a change names only a backup of its own workspace.
 */
async function applyChange(journal: Journal, change: Change, workspace: string): Promise<boolean> {
  const id = change.clientBackupId;
  if (id === undefined) return false;
  const record = await journal.get(id);
  if (!record || record.workspace !== workspace) return false;
  if (change.action === 'delete') {
    // Even a copy still waiting here goes: sending it again would bring back what an admin deleted.
    await journal.remove(id);
    return true;
  }
  if (change.action === 'pin' || change.action === 'unpin') {
    const pinned = change.action === 'pin';
    if (record.pinned === pinned) return false;
    await journal.update(id, (current) => {
      const { pinnedBy: _previous, ...rest } = current;
      return { ...rest, pinned, ...(pinned ? { pinnedBy: whoDid(change) } : {}) };
    });
    return true;
  }
  return false;
}

/**
 * Follows what admins did to a workspace on other devices (pins, unpins, deletes, retention) since this device
 * last looked, and notes the key's role there. Returns how many backups here changed.
 */
export async function pullWorkspaceChanges(input: {
  client: ConvexHttpClient;
  settings: Settings;
  journal: Journal;
  workspace: string;
  now?: () => number;
}): Promise<number> {
  const { client, settings, journal, workspace } = input;
  const now = input.now ?? Date.now;
  let after = (await readWorkspaceFacts())[workspace]?.changesAt ?? 0;
  let changed = 0;
  for (let read = 0; read < MAX_READS; read++) {
    const feed = feedSchema.parse(
      await client.action(convexReads.listChanges, {
        accessKey: accessKeyFor(settings, workspace),
        workspace,
        after,
      }),
    );
    for (const raw of feed.entries) {
      const change = changeSchema.safeParse(raw);
      if (!change.success) continue;
      if (await applyChange(journal, change.data, workspace)) changed++;
      after = Math.max(after, change.data.at);
    }
    await writeWorkspaceFacts(workspace, {
      role: feed.key.role,
      keyLabel: feed.key.label,
      retention: feed.retentionSet ? feed.retention : undefined,
      changesAt: after,
      checkedAt: now(),
    });
    if (!feed.more) break;
  }
  return changed;
}
