import { MINUTE, SECOND } from '../time';

/** (ms) first retry delay. */
export const BACKOFF_BASE = 2 * SECOND;
/** (ms) longest delay between two attempts. */
export const BACKOFF_MAX = 10 * MINUTE;
/** Attempts after which a backup the server refuses as invalid is quarantined. */
export const QUARANTINE_AFTER = 3;

/** Exponential backoff with full jitter: a random delay up to base·2^attempt, capped. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX, BACKOFF_BASE * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
