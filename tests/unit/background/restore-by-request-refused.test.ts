// A restore by request (the section's form is not on the page) that the dashboard refuses changed nothing: the
// history gets no "Before restore" entry (nor a restore), and the report names the status at once, as a restore
// through the form does (capture-service-restore-outcome.test.ts).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { PageResponse } from '../../../lib/page/restore-agent/page-requests';
import { settingsSchema, type WatchedDashboard } from '../../../lib/storage';
import { reportSummary } from '../../../lib/popup/report-summary';
import { capture } from '../support/capture-path';

const TAB = 'https://dash.example.com/acme/overview';
const SAVE = 'https://dash.example.com/api/workspaces/acme/settings/brain';
const SALT = 'salt-salt-salt-salt';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'https://dash.example.com/*',
  extraLeftOut: [],
  managed: false,
};
const tab = { tabId: 7, url: TAB, dashboard: DASHBOARD };

const server = vi.hoisted(() => ({
  answer: { ok: true, status: 200 } as PageResponse,
  held: { model: 'large', systemPrompt: 'Be verbose' } as unknown,
}));
vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async () => {
    throw new Error('the form is not on the page');
  },
  readInTab: async () => ({ ok: true, status: 200, body: server.held }),
  sendInTab: async () => server.answer,
}));
vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    tabOf: async () => tab,
    dashboardTab: async () => tab,
    currentSection: async () => null,
  }),
}));

const { createRestoreService } = await import('../../../lib/background/create-restore-service');

async function brainSave(body: { model: string; systemPrompt: string }): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: TAB,
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url: SAVE, bodyKind: 'json', body },
    },
    { salt: SALT, typeHint: 'brain' },
  );
  return snapshot;
}

let journal: Journal;
let recorded: { source: string; label?: string }[];

async function keep(snapshot: Snapshot, id: string, at: number) {
  await journal.record({
    id,
    workspace: 'acme',
    snapshot,
    contentHash: await contentHash(snapshot),
    source: 'auto',
    capturedAt: at,
    device: 'here',
  });
}

function service() {
  return createRestoreService({
    journal,
    capture: {
      markRestoring: () => undefined,
      takeBefore: () => undefined,
      waitForCapture: async () => null,
      record: async (_snapshot: Snapshot, _workspace: string, source: string, extra: { label?: string }) => {
        recorded.push({ source, ...(extra?.label ? { label: extra.label } : {}) });
        return { record: { id: `r${recorded.length}` } };
      },
      recordBefore: async ({ label }: { label: string }) => {
        recorded.push({ source: 'manual', label });
        return `r${recorded.length}`;
      },
    } as never,
    readWatched: async () => [DASHBOARD],
    readSettings: async () => settingsSchema.parse({}),
    device: async () => 'here',
    salt: async () => SALT,
  });
}

beforeEach(async () => {
  journal = createJournal(await openJournal(`refused-${Math.random()}`));
  recorded = [];
  server.held = { model: 'large', systemPrompt: 'Be verbose' };
  await keep(await brainSave({ model: 'small', systemPrompt: 'Be brief' }), 'older', 1000);
  await keep(await brainSave({ model: 'large', systemPrompt: 'Be verbose' }), 'newer', 2000);
});

describe('a restore by request the dashboard refuses', () => {
  it.each([
    [400, { error: 'Unknown field' }, 'Save was rejected by the dashboard (HTTP 400: Unknown field)'],
    [500, undefined, 'Save was rejected by the dashboard (HTTP 500)'],
  ])(
    'HTTP %i: no "Before restore" entry, no restore, and the report names the status',
    async (status, body, line) => {
      server.answer = { ok: false, status, ...(body ? { body } : {}) };
      const report = await service().apply('older', tab.tabId);
      expect(recorded).toEqual([]);
      expect(report.undoId).toBeUndefined();
      expect(reportSummary(report)).toBe(line);
      expect(report.fields.filter((field) => field.outcome === 'rejected').length).toBe(2);
    },
  );

  // No status at all (a network error, the tab closed, the request blocked): whether the dashboard applied the save
  // is unknown, so the way back is kept, as a restore through the form keeps it when it hears nothing.
  it('no answer: the "Before restore" entry is kept and offered for Undo, and no restore is recorded', async () => {
    server.answer = { ok: false, status: 0 };
    const report = await service().apply('older', tab.tabId);
    expect(recorded).toEqual([{ source: 'manual', label: 'Before restore of brain' }]);
    expect(report.undoId).toBe('r1');
    expect(report.saveError).toBe('no answer');
    // Whether the dashboard applied it is unknown: not "rejected", which would say nothing changed.
    expect(report.fields.filter((field) => field.outcome === 'unconfirmed').length).toBe(2);
    expect(reportSummary(report)).toBe(
      'Could not confirm the save (no answer): check the dashboard to see whether it was applied',
    );
  });

  it('accepted: the "Before restore" entry and the restore are recorded, in that order', async () => {
    server.answer = { ok: true, status: 204 };
    const report = await service().apply('older', tab.tabId);
    expect(recorded).toEqual([{ source: 'manual', label: 'Before restore of brain' }, { source: 'restore' }]);
    expect(report.undoId).toBe('r1');
  });
});
