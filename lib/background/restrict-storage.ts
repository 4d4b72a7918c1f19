import { browser } from 'wxt/browser';

type Area = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Keeps `storage.local` (the access key, the install's salt, the settings) to the extension's own pages and worker:
 * a content script, running in a dashboard page's process, cannot read it. Savepoint's content scripts never use
 * storage (they ask the background). Browsers without the call (Firefox) keep their default.
 */
export async function restrictStorage(
  local: Area = browser.storage.local as unknown as Area,
): Promise<boolean> {
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    console.warn('Savepoint: could not keep storage to trusted contexts', error);
    return false;
  }
}
