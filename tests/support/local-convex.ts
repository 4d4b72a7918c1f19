import { CONTROL_HEADERS, CONTROL_URL, CONVEX_URL } from './ports';

/** A backup as the local Convex stores it. */
export interface ServerBackup {
  clientBackupId: string;
  workspace: string;
  type: string;
  data: string;
  source: string;
}

async function control(pathname: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${CONTROL_URL}/control/${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? { headers: CONTROL_HEADERS }
      : { body: JSON.stringify(body), headers: { ...CONTROL_HEADERS, 'Content-Type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`control/${pathname}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

/** Test-harness access to the local Convex: its stored backups and its faults. */
export const localConvex = {
  backups: async (workspace = 'acme') => (await control(`backups?workspace=${workspace}`)) as ServerBackup[],
  status: (workspace = 'acme') => control(`status?workspace=${workspace}`),
  down: () => control('down', {}),
  up: () => control('up', {}),
  hang: () => control('hang', {}),
  dropResponses: (count: number) => control('drop-response', { count }),
  normal: () => control('normal', {}),
  /** Creates a key of `workspace`; `more` are further workspaces it covers. */
  createKey: (workspace: string, role: 'capture' | 'admin', label = 'test', more: string[] = []) =>
    control('keys', { workspace, role, label, workspaces: more }) as Promise<{ key: string; keyId: string }>,
  revoke: (key: string) => control('revoke', { key }),
  calls: () => control('calls'),
};

/** Calls a public action of the local Convex (a `writes:*` one, say) the way ConvexHttpClient does. */
export async function convexAction(path: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${CONVEX_URL}/api/action`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, format: 'convex_encoded_json', args: [args] }),
  });
  const reply = (await response.json()) as { status: string; value?: unknown; errorMessage?: string };
  if (reply.status !== 'success') throw new Error(`${path}: ${reply.errorMessage}`);
  return reply.value;
}
