import { browser } from 'wxt/browser';
import type { MessageData, MessageReplies, MessageType } from './messaging';

// Kept apart from the contract's zod schemas so content scripts can send messages without bundling zod.

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Sends a message to the background and returns its reply (a refusal comes back as a rejection). */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReplies[K]> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'Savepoint did not answer');
  return reply.value as MessageReplies[K];
}

/** Sends a message from the background to the top frame of a tab. */
export async function sendToTab<K extends 'tab:collect' | 'tab:apply'>(
  tabId: number,
  type: K,
  data: MessageData<K>,
): Promise<MessageReplies[K]> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, data }, { frameId: 0 })) as Reply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'The dashboard page did not answer');
  return reply.value as MessageReplies[K];
}
