import type { LockableSetting } from '../managed/managed-policy';
import type { Settings } from '../storage';

/** True when the administrator's policy locks a setting, so the options page must not change it. */
export function isLocked(settings: Settings, key: LockableSetting): boolean {
  return settings.locked.includes(key);
}
