import { MAX_BRIDGE_MESSAGE_BYTES, type BridgeBody } from './bridge-protocol';

/** A deferred body summary: everything but a Blob is summarised at once; a Blob is read only when this runs. */
export type BodySnapshot = () => Promise<BridgeBody>;

type Ctor = abstract new (...args: never[]) => unknown;

const TEXT_LIKE_TYPE = /^text\/|json|xml|javascript|x-www-form-urlencoded/i;

/** Summarises a request body without consuming it (streams and binary buffers are left alone as `unread`). */
export function snapshotBody(body: unknown, win: Window & typeof globalThis): BodySnapshot {
  const is = (ctor: Ctor | undefined): boolean => typeof ctor === 'function' && body instanceof ctor;
  if (body === undefined || body === null) return settled({ kind: 'none' });
  if (typeof body === 'string') return settled(summarizeText(body));
  if (is(win.URLSearchParams)) return settled({ kind: 'form', value: entriesOf(body as URLSearchParams) });
  if (is(win.FormData)) return settled({ kind: 'multipart', value: entriesOf(body as FormData) });
  if (is(win.Blob)) return snapshotBlob(body as Blob);
  // ArrayBuffer, typed arrays, ReadableStream, Document and anything else: reading could consume or misread them.
  return settled({ kind: 'unread' });
}

/** JSON-parses a string body when it parses, else keeps it as text; a string too large to send is `unread`. */
export function summarizeText(text: string): BridgeBody {
  if (text.length > MAX_BRIDGE_MESSAGE_BYTES) return { kind: 'unread' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'text', value: text };
  }
}

function snapshotBlob(blob: Blob): BodySnapshot {
  const { size, type } = blob;
  if (size > MAX_BRIDGE_MESSAGE_BYTES || !TEXT_LIKE_TYPE.test(type)) {
    return settled({ kind: 'blob', value: { type, size } });
  }
  // Blob reads are non-destructive; the caller runs this only after the response arrived.
  return async () => {
    const text = await blob.text();
    if (/x-www-form-urlencoded/i.test(type))
      return { kind: 'form', value: entriesOf(new URLSearchParams(text)) };
    return summarizeText(text);
  };
}

function entriesOf(fields: URLSearchParams | FormData): Record<string, unknown> {
  // A null prototype keeps a field named `__proto__` an ordinary key.
  const out: Record<string, unknown> = Object.create(null);
  fields.forEach((raw: FormDataEntryValue, name: string) => {
    const value = typeof raw === 'string' ? raw : { file: raw.name, size: raw.size };
    const previous = out[name];
    if (previous === undefined) out[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[name] = [previous, value];
  });
  return out;
}

function settled(body: BridgeBody): BodySnapshot {
  return () => Promise.resolve(body);
}
