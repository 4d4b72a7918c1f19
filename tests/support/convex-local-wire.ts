import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConvexError, convexToJson, jsonToConvex, type Value } from 'convex/values';
import { FunctionNotFound, type FunctionKind } from './convex-local-backend';

/** Status the Convex HTTP API uses for a function that threw (ConvexHttpClient reads the JSON body). */
export const STATUS_UDF_FAILED = 560;

/** Headers that let the extension's service worker call the server from any origin. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Convex-Client, Idempotency-Key',
  'Access-Control-Max-Age': '600',
};

/** The function endpoint a `/api/…` path names, or null. `query_at_ts` runs as a plain query here. */
export function endpointKind(pathname: string): FunctionKind | null {
  const endpoints: Record<string, FunctionKind> = {
    '/api/query': 'query',
    '/api/query_at_ts': 'query',
    '/api/mutation': 'mutation',
    '/api/action': 'action',
    '/api/function': 'any',
  };
  return endpoints[pathname] ?? null;
}

/** The whole request body as a Buffer. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Function path and arguments of a ConvexHttpClient request (`args` is `[args]`, or bare for /api/function). */
export function parseCall(body: Buffer): { path: string; args: Record<string, unknown> } {
  const parsed = JSON.parse(body.toString('utf8')) as { path?: unknown; args?: unknown };
  if (typeof parsed.path !== 'string') throw new Error('Request body needs a function path');
  const raw = Array.isArray(parsed.args) ? parsed.args[0] : parsed.args;
  const args = raw === undefined ? {} : jsonToConvex(raw as never);
  return { path: parsed.path, args: args as Record<string, unknown> };
}

/** Writes a JSON response with CORS headers (the API port, which the extension calls from its own origin). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Writes a JSON response without CORS headers, so no web page can read it (the control port). */
export function sendPrivateJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The success body ConvexHttpClient expects. */
export function successBody(value: unknown) {
  return { status: 'success', value: convexToJson(value as Value), logLines: [] };
}

/** Status and body for an error thrown by a call: 560 with `errorData` for ConvexError, 404 for no such function. */
export function errorReply(error: unknown): { status: number; body: unknown } {
  if (error instanceof FunctionNotFound)
    return { status: 404, body: { code: 'NotFound', message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConvexError) {
    const data = convexToJson(error.data as Value);
    return {
      status: STATUS_UDF_FAILED,
      body: { status: 'error', errorMessage: message, errorData: data, logLines: [] },
    };
  }
  return { status: STATUS_UDF_FAILED, body: { status: 'error', errorMessage: message, logLines: [] } };
}
