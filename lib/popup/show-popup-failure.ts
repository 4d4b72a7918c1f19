/** What the popup says in place of everything when its React popup could not be loaded. */
export const POPUP_FAILED = 'Savepoint could not load its popup. Close it and open it again.';

/** Says in `root` that the popup could not load, and logs why. */
export function showPopupFailure(root: HTMLElement, error: unknown): void {
  root.setAttribute('role', 'alert');
  root.textContent = POPUP_FAILED;
  console.error('Savepoint: the popup did not load', error);
}
