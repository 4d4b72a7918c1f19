import { browser } from 'wxt/browser';

/** Opens the options page and closes nothing: the popup closes by itself when focus moves. */
export function openOptions(): void {
  browser.runtime
    .openOptionsPage()
    .catch((error: unknown) => console.warn('Savepoint: no options page', error));
}
