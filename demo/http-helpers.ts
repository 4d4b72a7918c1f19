import type { IncomingMessage, ServerResponse } from 'node:http';

/** (bytes) largest request body the demo reads; larger bodies get 413. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** A request body read and parsed by its content type. */
export type ParsedBody =
  | { ok: true; kind: 'json' | 'form' | 'multipart' | 'none'; value: unknown }
  | { ok: false; status: 400 | 413; error: string };

/** Sends a JSON response. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Answers a form post the classic way: 303 See Other, so a reload does not post again. */
export function redirect(res: ServerResponse, location: string, status = 303): void {
  res.writeHead(status, { location });
  res.end();
}

/** Sends a status with no body (204s and test-control acknowledgements). */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

async function readBytes(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Repeated names become arrays, as a server framework would present them. */
function entriesToRecord(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const previous = Object.hasOwn(record, name) ? record[name] : undefined;
    const shown = typeof value === 'string' ? value : '[file]';
    Object.defineProperty(record, name, {
      value: previous === undefined ? shown : [previous, shown].flat(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

/** Reads the whole body and parses JSON, url-encoded or multipart data; an empty body is `none`. */
export async function readParsedBody(req: IncomingMessage): Promise<ParsedBody> {
  const bytes = await readBytes(req);
  if (!bytes) return { ok: false, status: 413, error: `Body larger than ${MAX_BODY_BYTES} bytes` };
  if (bytes.length === 0) return { ok: true, kind: 'none', value: null };
  const header = req.headers['content-type'] ?? '';
  // Only the media type is case-insensitive; a multipart boundary must be kept as sent.
  const type = header.toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { ok: true, kind: 'form', value: entriesToRecord(new URLSearchParams(bytes.toString('utf8'))) };
  }
  if (type.startsWith('multipart/form-data')) {
    try {
      const form = await new Request('http://demo.invalid/', {
        method: 'POST',
        headers: { 'content-type': header },
        body: new Uint8Array(bytes),
      }).formData();
      return { ok: true, kind: 'multipart', value: entriesToRecord(form.entries()) };
    } catch {
      return { ok: false, status: 400, error: 'Malformed multipart body' };
    }
  }
  // JSON is the default: pages also send JSON as text/plain strings or untyped blobs.
  try {
    return { ok: true, kind: 'json', value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'Body is not valid JSON' };
  }
}
