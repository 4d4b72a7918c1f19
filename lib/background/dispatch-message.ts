import { parseMessage, protocol, type Handlers, type Sender } from '../messaging';
import { contentPageUrl, isExtensionPage } from './sender-checks';

/**
 * Validates a runtime message, checks its sender against the contract (content scripts of watched pages may only
 * report captures; everything privileged comes from the extension's own pages), and runs its one handler.
 */
export async function dispatchMessage(
  handlers: Handlers,
  raw: unknown,
  sender: Sender,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const message = parseMessage(raw);
  if (!message) {
    console.warn(
      'Savepoint: refused a malformed message',
      typeof raw === 'object' ? (raw as { type?: unknown }).type : raw,
    );
    return { ok: false, error: 'Savepoint refused a malformed message' };
  }
  const from = protocol[message.type].from;
  const allowed =
    (from === 'page' && isExtensionPage(sender)) || (from === 'content' && contentPageUrl(sender) !== null);
  if (!allowed || !(message.type in handlers)) {
    return { ok: false, error: `Savepoint refused "${message.type}" from this sender` };
  }
  try {
    const handler = handlers[message.type as keyof Handlers] as (
      data: unknown,
      sender: Sender,
    ) => Promise<unknown>;
    return { ok: true, value: await handler(message.data, sender) };
  } catch (error) {
    console.warn(`Savepoint: "${message.type}" failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
