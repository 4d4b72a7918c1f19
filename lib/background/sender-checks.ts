import { browser } from 'wxt/browser';
import type { Sender } from '../messaging';

/** True for the extension's own pages (popup, options), the only senders of privileged messages. */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/** The top-frame page URL of a content script of this extension, or null for any other sender. */
export function contentPageUrl(sender: Sender): string | null {
  if (sender.id !== browser.runtime.id || !sender.tab || sender.frameId !== 0) return null;
  const url = sender.url ?? sender.tab.url;
  if (!url || url.startsWith(browser.runtime.getURL('/'))) return null;
  return url;
}
