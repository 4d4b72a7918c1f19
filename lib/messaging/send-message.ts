import { browser } from 'wxt/browser';
import { createSender } from './message-sender';
import type { MessageData, MessageReplies } from '.';

/** Sends a message to the background and returns its reply (a refusal comes back as a rejection). */
export const sendMessage = createSender(browser.runtime);

/** Sends a message from the background to the top frame of a tab's capture script. */
export async function sendToTab<K extends 'tab:collect'>(
  tabId: number,
  type: K,
  data: MessageData<K>,
): Promise<MessageReplies[K]> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, data }, { frameId: 0 })) as
    { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'The dashboard page did not answer');
  return reply.value as MessageReplies[K];
}
