import { browser } from 'wxt/browser';
import type { StorageHealth, WorkspaceStatus } from '../storage';
import { isLocalOnly } from '../sync/is-local-only';

/** Badge colours by what needs attention. */
const COLOURS = { error: '#d93025', waiting: '#e37400', drift: '#1a73e8' } as const;

/**
 * Draws the toolbar badge: the number of backups waiting or failed, red on error or while storage is full (held
 * backups), orange while waiting (also for the network).
 */
export async function updateBadge(
  statuses: Record<string, WorkspaceStatus>,
  driftCount = 0,
  health?: StorageHealth,
): Promise<void> {
  // Local-only (no Convex configured) is a valid way to use Savepoint, not a backlog to nag about; backups waiting
  // for the network are counted.
  const all = Object.values(statuses).filter((status) => !isLocalOnly(status));
  const waiting = all.reduce((sum, status) => sum + status.waiting + status.quarantined, 0);
  const storageFull = health?.state === 'full';
  const failing = storageFull || all.some((status) => status.state === 'error');
  const text =
    waiting > 0 ? String(waiting > 999 ? '999+' : waiting) : failing ? '!' : driftCount > 0 ? '•' : '';
  const colour = failing ? COLOURS.error : waiting > 0 ? COLOURS.waiting : COLOURS.drift;
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color: colour });
  const title = storageFull
    ? 'Savepoint: storage is full'
    : failing
      ? 'Savepoint: sync error'
      : waiting > 0
        ? `Savepoint: ${waiting} backup(s) waiting`
        : 'Savepoint: backups up to date';
  await action.setTitle({ title });
}
