import { readParsedBody, sendJson } from './http-helpers';
import type { RouteContext } from './router';
import type { SaveDeps } from './save-handlers';

/** (ms) longest delay `POST /_test/delay` accepts; Chrome cuts a worker's fetch off after 30 s anyway. */
const MAX_DELAY_MS = 60_000;
/** Most forced failures one `POST /_test/reject-next` may queue. */
const MAX_REJECTIONS = 1_000;

async function readObject(context: RouteContext): Promise<Record<string, unknown> | undefined> {
  const body = await readParsedBody(context.req);
  if (!body.ok) return undefined;
  if (body.kind === 'none') return {};
  const value = body.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : undefined;
}

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** `POST /_test/reject-next` `{ count?: 1, status?: 500 }`: the next saves fail and change nothing. */
export async function handleRejectNext(context: RouteContext, deps: SaveDeps): Promise<void> {
  const input = await readObject(context);
  const count = input?.count ?? 1;
  const status = input?.status ?? 500;
  if (!isWhole(count, 0, MAX_REJECTIONS) || !isWhole(status, 400, 599))
    return sendJson(context.res, 400, {
      ok: false,
      error: `Expected { count?: 0..${MAX_REJECTIONS}, status?: 400..599 }`,
    });
  deps.controls.rejectNext(count, status);
  sendJson(context.res, 200, { ok: true, count, status });
}

/** `POST /_test/delay` `{ ms }`: every later save waits this long before it is handled (0 turns it off). */
export async function handleDelay(context: RouteContext, deps: SaveDeps): Promise<void> {
  const input = await readObject(context);
  const ms = input?.ms;
  if (!isWhole(ms, 0, MAX_DELAY_MS))
    return sendJson(context.res, 400, { ok: false, error: `Expected { ms: 0..${MAX_DELAY_MS} }` });
  deps.controls.delayMs = ms;
  sendJson(context.res, 200, { ok: true, ms });
}

/** Most field names one `POST /_test/lock-fields` may lock. */
const MAX_LOCKED = 100;

/** `POST /_test/lock-fields` `{ fields }`: later saves are accepted and leave these fields as stored. */
export async function handleLockFields(context: RouteContext, deps: SaveDeps): Promise<void> {
  const fields = (await readObject(context))?.fields;
  if (
    !Array.isArray(fields) ||
    fields.length > MAX_LOCKED ||
    !fields.every((name): name is string => typeof name === 'string')
  )
    return sendJson(context.res, 400, {
      ok: false,
      error: `Expected { fields: string[] } (at most ${MAX_LOCKED})`,
    });
  deps.controls.locked.clear();
  for (const name of fields) deps.controls.locked.add(name);
  sendJson(context.res, 200, { ok: true, fields });
}

/** `POST /_test/reset`: defaults everywhere, no saves logged, no pending rejections, no delay. */
export async function handleReset(context: RouteContext, deps: SaveDeps): Promise<void> {
  await readParsedBody(context.req);
  deps.store.reset();
  deps.controls.reset();
  sendJson(context.res, 200, { ok: true });
}

/** `GET /_test/saves`: every accepted save, oldest first. */
export function handleSaves(context: RouteContext, deps: SaveDeps): void {
  sendJson(context.res, 200, deps.controls.saves());
}

/** `GET /_test/settings/:workspace`: the stored values, secrets included so tests can check what was written. */
export function handleTestSettings(context: RouteContext, deps: SaveDeps): void {
  sendJson(context.res, 200, deps.store.raw(context.params.workspace ?? ''));
}
