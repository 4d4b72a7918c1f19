import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalBackend } from './convex-local-backend';
import { readBody, sendPrivateJson as sendJson } from './convex-local-wire';

/** Faults the control API injects into the API listener, and what it counted. */
export interface NetworkFaults {
  /** Releases for API requests held while `hang` is on; `normal` lets them through. */
  hanging: (() => void)[];
  hang: boolean;
  /** Writes (mutations, `writes:*` actions) still to commit and then lose their response (the socket is destroyed). */
  dropResponses: number;
  /** API calls by function path, and HTTP route calls by `METHOD /path`. */
  calls: Record<string, number>;
}

interface ControlDeps {
  /** The secret every control request sends as `Authorization: Bearer <token>`. */
  token: string;
  backend: LocalBackend;
  faults: NetworkFaults;
  network: { up(): Promise<void>; down(): Promise<void> };
}

function setNormal(faults: NetworkFaults): void {
  faults.hang = false;
  faults.dropResponses = 0;
  for (const release of faults.hanging.splice(0)) release();
}

/** True when the request carries the control token (compared in constant time). */
function hasToken(req: IncomingMessage, token: string): boolean {
  const sent = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * Serves `/control/*`: fault injection, keys, and reads of the in-memory state for tests. Every request needs the
 * control token, and no answer carries CORS headers: a web page open in the test browser can neither drive this
 * API (it creates admin keys) nor read its answers.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ControlDeps,
): Promise<void> {
  const { backend, faults, network } = deps;
  if (!hasToken(req, deps.token)) return sendJson(res, 401, { error: 'The control API needs its token' });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const text = (await readBody(req)).toString('utf8');
  const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  const workspace = url.searchParams.get('workspace') ?? 'acme';
  const route = `${req.method ?? 'GET'} ${url.pathname}`;

  switch (route) {
    case 'GET /':
      return sendJson(res, 200, { ok: true, service: 'local-convex-control' });
    case 'POST /control/down':
      await network.down();
      return sendJson(res, 200, { ok: true });
    case 'POST /control/up':
      await network.up();
      return sendJson(res, 200, { ok: true });
    case 'POST /control/hang':
      faults.hang = true;
      return sendJson(res, 200, { ok: true });
    case 'POST /control/drop-response':
      faults.dropResponses = Number(body.count ?? 1);
      return sendJson(res, 200, { ok: true, count: faults.dropResponses });
    case 'POST /control/normal':
      setNormal(faults);
      return sendJson(res, 200, { ok: true });
    case 'POST /control/keys': {
      const {
        workspace: ws,
        workspaces,
        role,
        label,
        key,
      } = body as {
        workspace: string;
        workspaces?: string[];
        role: 'capture' | 'admin';
        label: string;
        key?: string;
      };
      return sendJson(
        res,
        200,
        await backend.createKey({
          workspace: ws,
          role,
          label,
          ...(workspaces === undefined ? {} : { workspaces }),
          ...(key === undefined ? {} : { key }),
        }),
      );
    }
    case 'POST /control/revoke': {
      const revoked = await backend.revokeKey(body as { keyId?: string; key?: string });
      return sendJson(res, revoked ? 200 : 404, { ok: revoked });
    }
    case 'GET /control/backups':
      return sendJson(res, 200, await backend.backups(workspace));
    case 'GET /control/status':
      return sendJson(res, 200, await backend.status(workspace));
    case 'GET /control/calls': {
      const total = Object.values(faults.calls).reduce((sum, n) => sum + n, 0);
      return sendJson(res, 200, { total, byPath: faults.calls });
    }
    case 'POST /control/calls/reset':
      faults.calls = {};
      return sendJson(res, 200, { ok: true });
    case 'POST /control/reset':
      setNormal(faults);
      faults.calls = {};
      await network.up().catch(() => undefined);
      await backend.reset();
      return sendJson(res, 200, { ok: true, acmeKey: backend.acmeKey });
    default:
      return sendJson(res, 404, { error: `No control route ${route}` });
  }
}
