import { httpRouter } from 'convex/server';
import { internal } from './_generated/api';
import { httpAction, type ActionCtx } from './_generated/server';
import { appError, appErrorData, type ErrorCode } from './errors';
import { countingFailedKeyChecks } from './failedKeyChecks';
import { parsePostBody } from './httpBody';
import { MAX_PAGE_SIZE, MAX_SNAPSHOT_BYTES } from './limits';

const STATUS_OF: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  // The stored backup is damaged: the server's fault, not the request's.
  CORRUPTED: 500,
};

/** (bytes) Room for the JSON envelope around `data` in a request body. */
const ENVELOPE_BYTES = 64 * 1024;

/** Backups per page of `GET /settings-backups` when `limit` is not given. */
const DEFAULT_LIMIT = 20;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function bearerKey(request: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1] ?? '';
}

/**
 * Runs a route after checking the caller's key (so a bad key is 401/403 whatever the request says), turning
 * refusals into `{ error: { code, message } }` and spending IP budget on bad keys.
 */
async function answer(
  ctx: ActionCtx,
  request: Request,
  run: (accessKey: string, ip: string | null) => Promise<Response>,
): Promise<Response> {
  const { ip } = await ctx.meta.getRequestMetadata();
  const accessKey = bearerKey(request);
  try {
    return await countingFailedKeyChecks(ctx, ip, async () => {
      await ctx.runQuery(internal.httpBackups.checkKey, { accessKey, ip });
      return await run(accessKey, ip);
    });
  } catch (error) {
    const data = appErrorData(error);
    if (data === null) throw error;
    return json(STATUS_OF[data.code], { error: data });
  }
}

function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || value === '') throw appError('INVALID', `Query parameter ${name} is required`);
  return value;
}

const postBackup = httpAction(async (ctx, request) =>
  answer(ctx, request, async (accessKey) => {
    const text = await request.text();
    if (text.length > MAX_SNAPSHOT_BYTES + ENVELOPE_BYTES)
      throw appError('TOO_LARGE', 'The request is too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw appError('INVALID', 'The body must be JSON');
    }
    const body = parsePostBody(parsed);
    const result = await ctx.runMutation(internal.httpBackups.create, {
      accessKey,
      workspace: body.workspace,
      type: body.type,
      clientBackupId: request.headers.get('Idempotency-Key') ?? crypto.randomUUID(),
      data: JSON.stringify(body.data),
      ...(body.label === undefined ? {} : { label: body.label }),
    });
    return json(result.duplicate ? 200 : 201, result);
  }),
);

const listBackups = httpAction(async (ctx, request) =>
  answer(ctx, request, async (accessKey, ip) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw appError('INVALID', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    const type = url.searchParams.get('type');
    const page = await ctx.runQuery(internal.httpBackups.list, {
      accessKey,
      workspace: requiredParam(url, 'workspace'),
      ip,
      ...(type === null || type === '' ? {} : { type }),
      paginationOpts: { numItems: limit, cursor: url.searchParams.get('cursor') },
    });
    return json(200, page);
  }),
);

const latestBackup = httpAction(async (ctx, request) =>
  answer(ctx, request, async (accessKey, ip) => {
    const url = new URL(request.url);
    const backup = await ctx.runQuery(internal.httpBackups.latest, {
      accessKey,
      workspace: requiredParam(url, 'workspace'),
      ip,
      type: requiredParam(url, 'type'),
    });
    if (backup === null) throw appError('NOT_FOUND', 'No backup of this section yet');
    return json(200, backup);
  }),
);

const http = httpRouter();
http.route({ path: '/settings-backup', method: 'POST', handler: postBackup });
http.route({ path: '/settings-backups', method: 'GET', handler: listBackups });
http.route({ path: '/settings-backups/latest', method: 'GET', handler: latestBackup });
export default http;
