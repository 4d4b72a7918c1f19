import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateAccessKey } from '../../convex/access';
import { createLocalBackend, type LocalBackend } from './convex-local-backend';
import { handleControl, type NetworkFaults } from './convex-local-control';
import {
  CORS_HEADERS,
  endpointKind,
  errorReply,
  parseCall,
  readBody,
  sendJson,
  sendPrivateJson,
  successBody,
} from './convex-local-wire';

/** A running local Convex: `url` for ConvexHttpClient and HTTP routes, `controlUrl` for the test harness. */
export interface LocalConvex {
  url: string;
  controlUrl: string;
  /** What control requests send as `Authorization: Bearer <controlToken>`. */
  controlToken: string;
  /** The admin key of workspace `acme`. */
  acmeKey: string;
  backend: LocalBackend;
  close(): Promise<void>;
}

function callerIp(req: IncomingMessage): string | null {
  return req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? null;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts a Node HTTP server that speaks Convex's HTTP API (`/api/query|mutation|action|function`) over convex-test
 * and serves convex/http.ts routes on the same port. State lives in memory. Port 0 picks free ports. The control
 * API listens on its own port and answers only requests with `controlToken`.
 */
export async function startLocalConvex(options: {
  port: number;
  controlPort: number;
  acmeKey?: string;
  /** The control API's token; a random one when not given. */
  controlToken?: string;
}): Promise<LocalConvex> {
  const controlToken = options.controlToken ?? generateAccessKey();
  const backend = createLocalBackend({ acmeKey: options.acmeKey ?? generateAccessKey() });
  await backend.ready;
  const faults: NetworkFaults = { hanging: [], hang: false, dropResponses: 0, calls: {} };

  async function serveApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return void res.end();
    }
    if (url.pathname === '/' && req.method === 'GET')
      return sendJson(res, 200, { ok: true, service: 'local-convex' });
    if (faults.hang) await new Promise<void>((release) => faults.hanging.push(release));
    const body = await readBody(req);
    if (url.pathname === '/api/query_ts') return sendJson(res, 200, { ts: Date.now() });
    const kind = endpointKind(url.pathname);
    if (kind === null && url.pathname.startsWith('/api/')) return sendJson(res, 404, { code: 'NotFound' });
    if (kind === null) return await serveRoute(req, res, url, body);

    let call;
    try {
      call = parseCall(body);
    } catch (error) {
      return sendJson(res, 400, { code: 'BadJsonBody', message: String(error) });
    }
    faults.calls[call.path] = (faults.calls[call.path] ?? 0) + 1;
    try {
      const { kind: ran, value } = await backend.call(kind, call.path, call.args, callerIp(req));
      // A write is a mutation or a `writes:*` action (the extension's writes, each one mutation behind its action).
      const wrote = ran === 'mutation' || call.path.startsWith('writes:');
      if (wrote && faults.dropResponses > 0) {
        faults.dropResponses--;
        return void req.socket.destroy();
      }
      sendJson(res, 200, successBody(value));
    } catch (error) {
      const { status, body: reply } = errorReply(error);
      sendJson(res, status, reply);
    }
  }

  async function serveRoute(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    faults.calls[route] = (faults.calls[route] ?? 0) + 1;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const response = await backend.fetch(
      url.pathname + url.search,
      { method: req.method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) },
      callerIp(req),
    );
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...CORS_HEADERS });
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  const api = createServer((req, res) => {
    serveApi(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'InternalError', message: String(error) });
    });
  });
  const port = await listen(api, options.port);
  const url = `http://127.0.0.1:${port}`;

  const control = createServer((req, res) => {
    // Idempotent, so a test's clean-up can always say "up" and "normal".
    const network = {
      up: () => (api.listening ? Promise.resolve() : listen(api, port).then(() => undefined)),
      down: () => (api.listening ? closeServer(api) : Promise.resolve()),
    };
    handleControl(req, res, { token: controlToken, backend, faults, network }).catch((error: unknown) => {
      if (!res.headersSent) sendPrivateJson(res, 500, { error: String(error) });
    });
  });
  const controlPort = await listen(control, options.controlPort);

  return {
    url,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    controlToken,
    acmeKey: backend.acmeKey,
    backend,
    async close() {
      for (const release of faults.hanging.splice(0)) release();
      await Promise.all([closeServer(api), closeServer(control)]);
    },
  };
}
