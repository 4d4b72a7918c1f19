import type { Runtime } from 'webextension-polyfill';
import type { MessageData, MessageReplies, MessageType } from '.';

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Sends contract messages through a runtime (the polyfill's in pages, the native one in content scripts). */
export function createSender(runtime: Pick<Runtime.Static, 'sendMessage'>) {
  return async function send<K extends MessageType>(
    type: K,
    data: MessageData<K>,
  ): Promise<MessageReplies[K]> {
    const reply = (await runtime.sendMessage({ type, data })) as Reply | undefined;
    if (!reply?.ok) throw new Error(reply?.error ?? 'Savepoint did not answer');
    return reply.value as MessageReplies[K];
  };
}
