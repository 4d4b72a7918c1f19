import { describe, expect, it } from 'vitest';
import { LEFT_OUT } from '../../../lib/capture/limits';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { planRequestRestore } from '../../../lib/restore/plan-request-restore';
import { replayRefusal } from '../../../lib/restore/replay-refusal';
import { verifyAgainstRead } from '../../../lib/restore/verify-against-read';
import { capture } from '../support/capture-path';

const PAGE = 'http://127.0.0.1:1880/';

async function nodeRedBackup(body: unknown): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: PAGE,
      trigger: { kind: 'xhr' },
      request: { method: 'POST', url: 'settings/user', bodyKind: 'json', body },
    },
    { salt: 'salt-1' },
  );
  return snapshot;
}

const backupBody = {
  editor: { view: { 'view-grid-size': '40', 'view-show-grid': false, 'view-snap-grid': true } },
  telemetryEnabled: false,
};
const serverNow = {
  editor: {
    view: { 'view-grid-size': '20', 'view-show-grid': true, 'view-snap-grid': false },
    theme: 'dark',
  },
  telemetryEnabled: true,
};

describe('planning a restore by the dashboard’s own request', () => {
  it('puts the chosen values on top of what the server has now, and keeps every other value as it is', async () => {
    const backup = await nodeRedBackup(backupBody);
    const plan = planRequestRestore(
      backup,
      ['editor.view.view-grid-size', 'editor.view.view-show-grid'],
      serverNow,
    );
    expect(plan.body).toEqual({
      editor: {
        view: { 'view-grid-size': '40', 'view-show-grid': false, 'view-snap-grid': false },
        theme: 'dark',
      },
      telemetryEnabled: true,
    });
    expect(plan.fields.filter((f) => f.outcome === 'applied').map((f) => f.key)).toEqual([
      'editor.view.view-grid-size',
      'editor.view.view-show-grid',
    ]);
    expect(serverNow.editor.view['view-grid-size']).toBe('20');
  });

  it('sends only the top-level members the dashboard’s own save sent, not what only its read shows', async () => {
    // The demo's Brain: its read adds "apiKeySet", which its save refuses as an unknown field.
    const backup = await nodeRedBackup({ model: 'small', systemPrompt: 'Be brief' });
    const plan = planRequestRestore(backup, undefined, {
      model: 'large',
      systemPrompt: 'Be verbose',
      apiKeySet: false,
    });
    expect(plan.body).toEqual({ model: 'small', systemPrompt: 'Be brief' });
  });

  it('keeps the value types the dashboard sent (a number stays a number)', async () => {
    const backup = await nodeRedBackup({ retries: 3, enabled: true });
    expect(planRequestRestore(backup, undefined, { retries: 5, enabled: false }).body).toEqual({
      retries: 3,
      enabled: true,
    });
  });

  it('never writes a left-out secret, and lets the page fill a left-out CSRF token', async () => {
    const backup = await nodeRedBackup({ name: 'bot', apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345' });
    const plan = planRequestRestore(backup, undefined, {
      name: 'other',
      apiKey: LEFT_OUT,
      csrf_token: LEFT_OUT,
    });
    expect(plan.body).toEqual({ name: 'bot' });
    expect(plan.tokenKeys).toEqual(['csrf_token']);
    expect(plan.fields.find((f) => f.key === 'apiKey')?.outcome).toBe('skipped');
  });

  it('reports what the dashboard kept after reading it back', async () => {
    const backup = await nodeRedBackup(backupBody);
    const plan = planRequestRestore(backup, undefined, serverNow);
    const after = {
      editor: { view: { 'view-grid-size': 40, 'view-show-grid': false, 'view-snap-grid': false } },
      telemetryEnabled: false,
    };
    const fields = verifyAgainstRead(plan.fields, after);
    expect(fields.map((f) => [f.key, f.outcome, f.actual])).toEqual([
      ['editor.view.view-grid-size', 'applied', '40'],
      ['editor.view.view-show-grid', 'applied', false],
      ['editor.view.view-snap-grid', 'changed-by-dashboard', false],
      ['telemetryEnabled', 'applied', false],
    ]);
  });
});

describe('which saved requests a restore may send (a backup is data, not an instruction)', () => {
  const request = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string) => ({
    method,
    url,
    bodyKind: 'json',
    body: { a: 1 },
  });

  it.each([
    ['a POST to the dashboard', request('POST', '/settings/user'), undefined, null],
    ['a DELETE', request('DELETE', '/api/acme/account'), undefined, /not DELETE/],
    ['another origin', request('POST', 'https://evil.example/steal'), undefined, /not to this dashboard/],
    ['another port', request('PUT', 'http://127.0.0.1:9999/x'), undefined, /not to this dashboard/],
    ['outside the save pattern', request('POST', '/admin/users'), '/settings/*', /rules accept/],
    ['inside the save pattern', request('POST', '/settings/user'), '/settings/*', null],
    ['telemetry', request('POST', '/api/telemetry/events'), undefined, /rules accept/],
    ['a secret in the address', request('POST', '/hook?token=%5Bleft+out%5D'), undefined, /secret/],
  ])('%s', (_name, req, pattern, expected) => {
    const refusal = replayRefusal(req, PAGE, pattern);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it('refuses a body it cannot send again', () => {
    expect(replayRefusal({ method: 'POST', url: '/x', bodyKind: 'blob', body: {} }, PAGE)).toMatch(/body/);
    expect(replayRefusal({ method: 'POST', url: '/x', bodyKind: 'json' }, PAGE)).toMatch(/body/);
  });
});

describe('verifying a value the resource does not show back', () => {
  it('counts it as accepted, not as changed by the dashboard (Node-RED keeps telemetryEnabled elsewhere)', async () => {
    const backup = await nodeRedBackup(backupBody);
    const plan = planRequestRestore(backup, ['telemetryEnabled'], serverNow);
    const fields = verifyAgainstRead(plan.fields, { editor: serverNow.editor });
    expect(fields.find((f) => f.key === 'telemetryEnabled')).toMatchObject({ outcome: 'applied' });
  });
});
