import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SaveOutcome } from '../../../lib/background/create-capture-service';
import { reportSummary } from '../../../lib/popup/report-summary';
import { backupRecord } from '../support/backup-record-fixture';
import { snapshot as fixture } from '../support/snapshot-fixture';

const page = vi.hoisted(() => ({ savedVia: 'control' }));
vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async (_tabId: number, snapshot: Snapshot) => ({
    type: snapshot.type,
    title: snapshot.title,
    savedVia: page.savedVia,
    fields: [{ key: 'primaryName', label: 'Primary bot name', outcome: 'applied', expected: 'Grace' }],
  }),
  readInTab: async () => ({ ok: false, status: 0 }),
}));

const { restoreOnPage } = await import('../../../lib/background/restore-on-page');

const snapshot = fixture('bot-names', { primaryName: 'Grace' });
const tab = { tabId: 7, url: snapshot.pageUrl, dashboard: {} } as never;

function restore(outcome: SaveOutcome | null, saveSent?: boolean) {
  const capture = {
    waitForCapture: async () => outcome,
    saveSent: () => saveSent,
    takeBefore: () => ({ snapshot, label: 'Before restore of Bot names' }),
    record: async () => ({ record: { id: 'before' } }),
    recordBefore: async () => 'before',
  };
  return restoreOnPage(capture as never, tab, backupRecord({ id: 'older' }), snapshot, undefined, [], {
    read: async () => ({ ok: false, status: 0 }),
    shown: async () => null,
  });
}

describe('an on-page restore whose save the dashboard never answered (the page reloaded, closed, or silent)', () => {
  beforeEach(() => {
    page.savedVia = 'control';
  });

  it('that saved nothing (no way to save, a field it could not put back) offers nothing to undo', async () => {
    page.savedVia = 'none';
    const report = await restore(null);
    expect(report.undoId).toBeUndefined();
  });

  it('marks its fields not confirmed, not rejected, says it could not tell, and keeps the way back', async () => {
    const report = await restore(null);
    expect(report.fields.map((field) => field.outcome)).toEqual(['unconfirmed']);
    expect(report.undoId).toBe('before');
    expect(reportSummary(report)).toBe(
      'Could not confirm the save (no answer from the dashboard within 8 s, or its page was closed or reloaded first): check the dashboard to see whether it was applied',
    );
  });

  it('no save request left the page (its script failed: a field it needs was removed): nothing was saved, nothing to undo', async () => {
    const report = await restore(null, false);
    expect(report.fields.map((field) => field.outcome)).toEqual(['not-saved']);
    expect(report.undoId).toBeUndefined();
    expect(reportSummary(report)).toBe(
      'Nothing was saved: the page sent no save request within 8 s of pressing its Save (a field its own script needs may be missing)',
    );
  });

  it('a save refused with a status is still reported rejected, with nothing to undo', async () => {
    const report = await restore({ refused: 422 });
    expect(report.fields.map((field) => field.outcome)).toEqual(['rejected']);
    expect(report.undoId).toBeUndefined();
    expect(reportSummary(report)).toBe('Save was rejected by the dashboard (HTTP 422)');
  });
});
