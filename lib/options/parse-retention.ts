import { MAX_RETENTION } from '../../convex/sharedLimits';

/** Fewest and most backups kept per section: the most is the most a workspace may keep in Convex. */
export const RETENTION_LIMITS = { min: 1, max: MAX_RETENTION } as const;

/** Reads the "Backups kept per section" input: a whole number within the limits, or a message saying why not. */
export function parseRetention(text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return {
      error: `Enter a whole number from ${RETENTION_LIMITS.min} to ${RETENTION_LIMITS.max.toLocaleString('en')}`,
    };
  }
  const value = Number(trimmed);
  if (value < RETENTION_LIMITS.min || value > RETENTION_LIMITS.max) {
    return {
      error: `Keep between ${RETENTION_LIMITS.min} and ${RETENTION_LIMITS.max.toLocaleString('en')} backups`,
    };
  }
  return { value };
}
