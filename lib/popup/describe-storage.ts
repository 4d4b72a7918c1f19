import type { StorageHealth } from '../storage';
import { DAY } from '../time';

export interface StorageView {
  tone: 'error' | 'warning';
  title: string;
  detail: string;
  /** A retry can help (the user freed space). */
  canRetry: boolean;
}

const backups = (n: number) => `${n} ${n === 1 ? 'backup' : 'backups'}`;
const were = (n: number) => (n === 1 ? 'was' : 'were');

/** What the popup says about storage: nothing when all is well or a short spell is over a day old. */
export function describeStorage(
  health: StorageHealth | null,
  now: number,
  convexConfigured = true,
): StorageView | null {
  if (!health || health.state === 'ok') return null;
  if (health.state === 'full') {
    return {
      tone: 'error',
      title: 'Storage is full on this device',
      detail:
        `${backups(health.held)} could not be added to the history here; Savepoint keeps ` +
        (health.held === 1 ? 'it' : 'them') +
        (convexConfigured
          ? ' aside and sends ' + (health.held === 1 ? 'it' : 'them') + ' to Convex.'
          : ' aside.') +
        ' Free some disk space, then try again.' +
        (health.pruned > 0
          ? ` ${backups(health.pruned)} already in Convex ${were(health.pruned)} removed from this device.`
          : ''),
      canRetry: true,
    };
  }
  if (now - health.at > DAY) return null;
  return {
    tone: 'warning',
    title: 'Storage ran short',
    detail: `${backups(health.pruned)} already safe in Convex ${were(health.pruned)} removed from this device to make room.`,
    canRetry: false,
  };
}
