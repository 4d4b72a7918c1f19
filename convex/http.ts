import { httpRouter } from 'convex/server';
import { v } from 'convex/values';
import { validate } from 'convex-helpers/validators';
import { internal } from './_generated/api';
import { httpAction, type ActionCtx } from './_generated/server';
import { sha256Hex } from './access';
import { appError, appErrorData, type ErrorCode } from './errors';
import { MAX_PAGE_SIZE, MAX_SNAPSHOT_BYTES } from './limits';
import { backupSourceValidator } from './schema';

const STATUS_OF: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** (bytes) Room for the JSON envelope around `data` in a request body. */
const ENVELOPE_BYTES = 64 * 1024;

/** Backups per page of `GET /settings-backups` when `limit` is not given. */
const DEFAULT_LIMIT = 20;

const postBodyValidator = v.object({
  workspace: v.string(),
  type: v.string(),
  data: v.any(),
  source: v.optional(backupSourceValidator),
  label: v.optional(v.string()),
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function bearerKey(request: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1] ?? '';
}

/** Runs a route, turning refusals into `{ error: { code, message } }` and spending IP budget on bad keys. */
async function answer(ctx: ActionCtx, run: (ip: string | null) => Promise<Response>): Promise<Response> {
  const { ip } = await ctx.meta.getRequestMetadata();
  try {
    return await run(ip);
  } catch (error) {
    const data = appErrorData(error);
    if (data === null) throw error;
    if (data.code === 'UNAUTHENTICATED' || data.code === 'FORBIDDEN') {
      await ctx.runMutation(internal.rateLimits.recordFailedKeyCheck, { ip });
    }
    return json(STATUS_OF[data.code], { error: data });
  }
}

function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || value === '') throw appError('INVALID', `Query parameter ${name} is required`);
  return value;
}

const postBackup = httpAction(async (ctx, request) =>
  answer(ctx, async () => {
    const text = await request.text();
    if (text.length > MAX_SNAPSHOT_BYTES + ENVELOPE_BYTES)
      throw appError('TOO_LARGE', 'The request is too large');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw appError('INVALID', 'The body must be JSON');
    }
    if (!validate(postBodyValidator, body)) {
      throw appError('INVALID', 'The body must be { workspace, type, data, source?, label? }');
    }
    const data = JSON.stringify(body.data);
    const result = await ctx.runMutation(internal.httpBackups.create, {
      accessKey: bearerKey(request),
      workspace: body.workspace,
      type: body.type,
      clientBackupId: request.headers.get('Idempotency-Key') ?? crypto.randomUUID(),
      data,
      contentHash: await sha256Hex(data),
      source: body.source ?? 'manual',
      capturedAt: Date.now(),
      ...(body.label === undefined ? {} : { label: body.label }),
    });
    return json(result.duplicate ? 200 : 201, result);
  }),
);

const listBackups = httpAction(async (ctx, request) =>
  answer(ctx, async (ip) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw appError('INVALID', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    const type = url.searchParams.get('type');
    const page = await ctx.runQuery(internal.httpBackups.list, {
      accessKey: bearerKey(request),
      workspace: requiredParam(url, 'workspace'),
      ip,
      ...(type === null || type === '' ? {} : { type }),
      paginationOpts: { numItems: limit, cursor: url.searchParams.get('cursor') },
    });
    return json(200, page);
  }),
);

const latestBackup = httpAction(async (ctx, request) =>
  answer(ctx, async (ip) => {
    const url = new URL(request.url);
    const backup = await ctx.runQuery(internal.httpBackups.latest, {
      accessKey: bearerKey(request),
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
