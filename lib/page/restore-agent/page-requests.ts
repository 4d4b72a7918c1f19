import { SECOND } from '../../time';
import { csrfHeaders, pageToken } from './csrf-tokens';

/** (ms) a read of the dashboard may take, answer included, before it counts as no answer. */
export const READ_TIMEOUT = 10 * SECOND;
/**
 * (ms) a restore's save request may take before it counts as no answer (whether the dashboard kept it is then
 * unknown, and the way back is kept).
 */
export const SEND_TIMEOUT = 30 * SECOND;

/** What a request made from the dashboard page returned: its status and, for a JSON answer, the parsed body. */
export interface PageResponse {
  ok: boolean;
  status: number;
  body?: unknown;
}

/** A save to send again from the page, as the restore planned it. */
export interface PageSave {
  method: string;
  url: string;
  bodyKind: string;
  body: unknown;
  /** Top-level body members to fill with the page's fresh token of that name. */
  tokenKeys: string[];
}

function sameOrigin(url: string, win: Window): URL | null {
  try {
    const target = new URL(url, win.location.href);
    return target.origin === win.location.origin ? target : null;
  } catch {
    return null;
  }
}

async function answer(response: Response): Promise<PageResponse> {
  const text = await response.text().catch(() => '');
  try {
    return { ok: response.ok, status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: response.ok, status: response.status };
  }
}

/** Reads a resource of the dashboard (same origin only) with the user's session, as JSON when it is JSON. */
export async function readResource(
  url: string,
  win: Window = window,
  timeout = READ_TIMEOUT,
): Promise<PageResponse> {
  const target = sameOrigin(url, win);
  if (!target) return { ok: false, status: 0 };
  try {
    // A dashboard that never answers would hold the restore's report forever.
    const response = await win.fetch(target.href, {
      credentials: 'same-origin',
      cache: 'no-store',
      // Some dashboards ask their CSRF header of reads too (Syncthing answers a read without it 403).
      headers: { ...csrfHeaders(win.document), Accept: 'application/json' },
      signal: AbortSignal.timeout(timeout),
    });
    return await answer(response);
  } catch {
    return { ok: false, status: 0 };
  }
}

function encode(save: PageSave, doc: Document): { body: BodyInit; type?: string } {
  const body =
    save.body && typeof save.body === 'object' && !Array.isArray(save.body)
      ? { ...(save.body as Record<string, unknown>) }
      : save.body;
  for (const key of save.tokenKeys) {
    const token = pageToken(doc, key);
    if (token && body && typeof body === 'object') (body as Record<string, unknown>)[key] = token;
  }
  if (save.bodyKind === 'json') return { body: JSON.stringify(body), type: 'application/json' };
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      // A file the dashboard once uploaded cannot be sent again; its member is left as the server has it.
      if (item === null || typeof item !== 'object') pairs.push([name, String(item ?? '')]);
    }
  }
  if (save.bodyKind === 'multipart') {
    const form = new FormData();
    pairs.forEach(([name, value]) => form.append(name, value));
    return { body: form };
  }
  return { body: new URLSearchParams(pairs).toString(), type: 'application/x-www-form-urlencoded' };
}

/**
 * Sends a save from the dashboard page, with the user's session and the page's fresh CSRF tokens, to the page's own
 * origin only (the background checked the method and address against the dashboard's rules before asking).
 */
export async function sendSave(
  save: PageSave,
  win: Window = window,
  timeout = SEND_TIMEOUT,
): Promise<PageResponse> {
  const target = sameOrigin(save.url, win);
  if (!target) return { ok: false, status: 0 };
  const { body, type } = encode(save, win.document);
  try {
    const response = await win.fetch(target.href, {
      method: save.method,
      credentials: 'same-origin',
      headers: { ...csrfHeaders(win.document), ...(type ? { 'Content-Type': type } : {}) },
      body,
      signal: AbortSignal.timeout(timeout),
    });
    return await answer(response);
  } catch {
    return { ok: false, status: 0 };
  }
}
