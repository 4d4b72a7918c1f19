import { MAX_BRIDGE_MESSAGE_BYTES } from './bridge-protocol';

/** The body of a request as `webRequest.onBeforeRequest` reports it (`requestBody`, with the `requestBody` opt). */
export interface WebRequestBody {
  error?: string;
  formData?: Record<string, (string | ArrayBuffer)[]>;
  raw?: { bytes?: ArrayBuffer; file?: string }[];
}

/**
 * What the browser itself sent, reduced to what a bridge report can be compared with: `absent` no upload data,
 * `form` the parsed url-encoded or multipart fields, `raw` the bytes (as UTF-8 text when small enough), `unknown`
 * when the browser could not say (an error, a file upload, a body too large to keep).
 */
export type SentBody =
  | { kind: 'absent' }
  | { kind: 'form'; fields: Record<string, string[]> }
  | { kind: 'raw'; size: number; text?: string }
  | { kind: 'unknown' };

/** Reduces `requestBody` to a `SentBody`; keeps at most one bridge message worth of text. */
export function sentBodyOf(body: WebRequestBody | null | undefined): SentBody {
  if (!body) return { kind: 'absent' };
  if (body.error) return { kind: 'unknown' };
  if (body.formData) {
    const decoder = new TextDecoder();
    const fields: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(body.formData)) {
      fields[name] = values.map((value) => (typeof value === 'string' ? value : decoder.decode(value)));
    }
    return { kind: 'form', fields };
  }
  if (!body.raw) return { kind: 'absent' };
  if (body.raw.some((part) => part.file !== undefined || !part.bytes)) return { kind: 'unknown' };
  const size = body.raw.reduce((total, part) => total + (part.bytes?.byteLength ?? 0), 0);
  if (size > MAX_BRIDGE_MESSAGE_BYTES) return { kind: 'raw', size };
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of body.raw) {
    joined.set(new Uint8Array(part.bytes as ArrayBuffer), offset);
    offset += part.bytes?.byteLength ?? 0;
  }
  return { kind: 'raw', size, text: new TextDecoder().decode(joined) };
}
