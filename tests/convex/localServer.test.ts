// @vitest-environment node
import { ConvexHttpClient } from 'convex/browser';
import { ConvexError } from 'convex/values';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { api } from '../../convex/_generated/api';
import { contentHash } from '../../lib/capture/canonical-json';
import { startLocalConvex, type LocalConvex } from '../support/convex-local-server';

let local: LocalConvex;
let client: ConvexHttpClient;
const acmeKey = 'sp_local-server-test-key-0123456789';

beforeAll(async () => {
  local = await startLocalConvex({ port: 0, controlPort: 0, acmeKey });
});
afterAll(async () => {
  await local.close();
});
beforeEach(async () => {
  await control('POST', '/control/reset');
  client = new ConvexHttpClient(local.url, { skipConvexDeploymentUrlCheck: true });
});

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(local.controlUrl + path, {
    method,
    headers: { Authorization: `Bearer ${local.controlToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

const access = { accessKey: acmeKey, workspace: 'acme' };
const snapshot = {
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: 'https://app.example.com/acme/settings',
  fields: [{ key: 'name', label: 'Name', value: 'Robo', locator: { name: 'name', inputType: 'text' } }],
  trigger: { kind: 'form' as const },
  leftOut: [],
};
const data = JSON.stringify(snapshot);
const hash = await contentHash(snapshot);
const backup = (clientBackupId: string) => ({
  ...access,
  type: 'bot-names',
  clientBackupId,
  data,
  contentHash: hash,
  source: 'auto' as const,
  capturedAt: 1,
});

test('a real ConvexHttpClient creates and lists backups through the server', async () => {
  const created = await client.action(api.writes.createBackup, backup('b1'));
  const list = await client.action(api.reads.listBackups, {
    ...access,
    paginationOpts: { numItems: 5, cursor: null },
  });
  expect(list.page.map((b) => [b.id, b.data])).toEqual([[created.id, data]]);
  expect(await control('GET', '/control/calls')).toMatchObject({
    byPath: { 'writes:createBackup': 1, 'reads:listBackups': 1 },
  });
});

test('refusals reach the client as ConvexError with code and message', async () => {
  const refused = await client
    .action(api.reads.whoami, { accessKey: acmeKey, workspace: 'globex' })
    .catch((e) => e);
  expect(refused).toBeInstanceOf(ConvexError);
  expect(refused.data).toEqual({
    code: 'FORBIDDEN',
    message: 'Access key "Local admin" does not cover workspace "globex"; it covers "acme"',
  });
});

test('refuses internal functions', async () => {
  const response = await fetch(`${local.url}/api/mutation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      path: 'keys:create',
      format: 'convex_encoded_json',
      args: [{ workspace: 'acme', role: 'admin', label: 'x' }],
    }),
  });
  expect(response.status).toBe(404);
  expect((await control('GET', '/control/status?workspace=acme')).slug).toBe('acme');
  // A keyed write is reachable only through its `writes:*` action, which counts a wrong key against the IP.
  const keyed = await fetch(`${local.url}/api/mutation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      path: 'workspaces:markSyncError',
      format: 'convex_encoded_json',
      args: [{ ...access, error: 'x' }],
    }),
  });
  expect(keyed.status).toBe(404);
});

test('serves the HTTP routes, CORS preflight and a readiness page on the same port', async () => {
  const posted = await fetch(`${local.url}/settings-backup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${acmeKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: 'acme', type: 'billing', data: { plan: 'pro' } }),
  });
  expect(posted.status).toBe(201);
  expect(posted.headers.get('access-control-allow-origin')).toBe('*');
  const preflight = await fetch(`${local.url}/api/mutation`, { method: 'OPTIONS' });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-headers')).toContain('Convex-Client');
  expect((await fetch(local.url)).status).toBe(200);
});

test('drop-response commits the write but loses the answer; the retry is a duplicate', async () => {
  await control('POST', '/control/drop-response', { count: 1 });
  await expect(client.action(api.writes.createBackup, backup('lost'))).rejects.toThrow();
  const retry = await client.action(api.writes.createBackup, backup('lost'));
  expect(retry.duplicate).toBe(true);
  expect(await control('GET', '/control/backups?workspace=acme')).toHaveLength(1);
});

test('down refuses connections until up, with state kept', async () => {
  await client.action(api.writes.createBackup, backup('kept'));
  await control('POST', '/control/down');
  await expect(fetch(local.url)).rejects.toThrow();
  await control('POST', '/control/up');
  const latest = await client.action(api.reads.getLatestBackup, { ...access, type: 'bot-names' });
  expect(latest?.clientBackupId).toBe('kept');
});

test('hang holds requests until normal', async () => {
  await control('POST', '/control/hang');
  let settled = false;
  const pending = client.action(api.reads.whoami, access).finally(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(settled).toBe(false);
  await control('POST', '/control/normal');
  expect(await pending).toMatchObject({ workspace: 'acme', role: 'admin' });
});

test('keys made and revoked through the control API work at once', async () => {
  const { key, keyId } = (await control('POST', '/control/keys', {
    workspace: 'acme',
    role: 'capture',
    label: 'Test',
  })) as {
    key: string;
    keyId: string;
  };
  expect(await client.action(api.reads.whoami, { accessKey: key })).toEqual({
    workspace: 'acme',
    workspaces: ['acme'],
    role: 'capture',
    label: 'Test',
  });
  await control('POST', '/control/revoke', { keyId });
  await expect(client.action(api.reads.whoami, { accessKey: key })).rejects.toMatchObject({
    data: { code: 'UNAUTHENTICATED' },
  });
});

test('the control API answers only with its token, and to no other origin', async () => {
  for (const headers of [{}, { Authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
    const refused = await fetch(`${local.controlUrl}/control/backups?workspace=acme`, { headers });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  }
  const preflight = await fetch(`${local.controlUrl}/control/reset`, { method: 'OPTIONS' });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  const allowed = await fetch(`${local.controlUrl}/control/calls`, {
    headers: { Authorization: `Bearer ${local.controlToken}` },
  });
  expect(allowed.status).toBe(200);
  expect(allowed.headers.get('access-control-allow-origin')).toBeNull();
});
