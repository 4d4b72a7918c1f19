import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { PageResponse } from '../../../lib/page/restore-agent/page-requests';
import { reportSummary } from '../../../lib/popup/report-summary';
import { backupRecord } from '../support/backup-record-fixture';
import { snapshot as fixture } from '../support/snapshot-fixture';

vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async (_tabId: number, snapshot: Snapshot) => ({
    type: snapshot.type,
    title: snapshot.title,
    savedVia: 'control',
    fields: snapshot.fields.map((field) => ({
      key: field.key,
      label: field.label,
      outcome: 'applied',
      expected: field.value,
    })),
  }),
  readInTab: async () => ({ ok: false, status: 0 }),
}));

const { restoreOnPage } = await import('../../../lib/background/restore-on-page');

const URL = 'http://127.0.0.1:4400/api/workspaces/acme/settings/bot-names';
const backup = fixture('bot-names', { primaryName: 'Ada', fallbackName: 'Backup Bot' });
const tab = { tabId: 7, url: backup.pageUrl, dashboard: {} } as never;

/** The capture of the restore's save: the page sent every restored value, and the dashboard answered 200. */
const captured: Snapshot = {
  ...backup,
  request: {
    method: 'PUT',
    url: URL,
    bodyKind: 'json',
    body: { primaryName: 'Ada', fallbackName: 'Backup Bot' },
  },
};

function restore(read: (tabId: number, url: string) => Promise<PageResponse>) {
  const capture = {
    waitForCapture: async () => ({
      id: 'restored',
      workspace: 'acme',
      tabId: 7,
      snapshot: captured,
      beforeId: 'b',
    }),
    saveSent: () => true,
    takeBefore: () => undefined,
  };
  return restoreOnPage(capture as never, tab, backupRecord({ id: 'older' }), backup, undefined, [], {
    read,
    shown: async () => null,
  });
}

describe('an on-page restore whose save the dashboard accepted, read back from the dashboard', () => {
  it('a value the dashboard accepted and silently did not keep is reported changed, with what it holds', async () => {
    const reads: string[] = [];
    const report = await restore(async (_tabId, url) => {
      reads.push(url);
      return {
        ok: true,
        status: 200,
        body: { primaryName: 'Ada', fallbackName: 'Grace Bot', greetingStyle: 'formal' },
      };
    });
    expect(reads).toEqual([URL]);
    expect(report.verifiedBy).toBe('re-read');
    expect(report.fields.map(({ key, outcome, actual }) => [key, outcome, actual])).toEqual([
      ['primaryName', 'applied', 'Ada'],
      ['fallbackName', 'changed-by-dashboard', 'Grace Bot'],
    ]);
    expect(reportSummary(report)).toBe('1 of 2 fields restored');
    expect(report.undoId).toBe('b');
  });

  it('a dashboard that does not serve its settings there (an HTML page, an error, another resource) leaves the capture’s word', async () => {
    for (const answer of [
      { ok: true, status: 200 },
      { ok: false, status: 404, body: { error: 'Not found' } },
      { ok: true, status: 200, body: { items: [] } },
    ]) {
      const report = await restore(async () => answer);
      expect(report.verifiedBy).toBeUndefined();
      expect(report.fields.map((field) => field.outcome)).toEqual(['applied', 'applied']);
    }
  });

  it('a read that fails (the page closed) leaves the capture’s word', async () => {
    const report = await restore(async () => {
      throw new Error('Frame with ID 0 was removed');
    });
    expect(report.fields.map((field) => field.outcome)).toEqual(['applied', 'applied']);
  });
});

describe('an on-page restore through a posted form, checked on the page the dashboard answered with', () => {
  const posted: Snapshot = { ...backup, trigger: { kind: 'form' } };

  function restorePosted(shown: () => Promise<Snapshot | null>, redirected = true) {
    const capture = {
      waitForCapture: async () => ({
        id: 'restored',
        workspace: 'acme',
        tabId: 7,
        snapshot: posted,
        redirected,
      }),
      saveSent: () => true,
      takeBefore: () => undefined,
    };
    const read = vi.fn(async () => ({ ok: false, status: 0 }));
    return restoreOnPage(capture as never, tab, backupRecord({ id: 'older' }), backup, undefined, [], {
      read,
      shown: async () => shown(),
    });
  }

  it('a value the page shows otherwise after the post is reported changed, with what the page shows', async () => {
    const report = await restorePosted(async () =>
      fixture('bot-names', { primaryName: 'Ada', fallbackName: 'Grace Bot' }),
    );
    expect(report.verifiedBy).toBe('page');
    expect(report.fields.map(({ outcome, actual }) => [outcome, actual])).toEqual([
      ['applied', 'Ada'],
      ['changed-by-dashboard', 'Grace Bot'],
    ]);
  });

  it('a post answered with a page, not a redirect, is not checked there: that page may show what was posted', async () => {
    const shown = vi.fn(async () => fixture('bot-names', { primaryName: 'Ada', fallbackName: 'Backup Bot' }));
    const report = await restorePosted(shown, false);
    expect(shown).not.toHaveBeenCalled();
    expect(report.verifiedBy).toBeUndefined();
    expect(report.fields.map((field) => field.outcome)).toEqual(['applied', 'applied']);
  });

  it('an answer page without the form (or one that cannot be read) leaves the capture’s word', async () => {
    for (const shown of [async () => null, async () => Promise.reject(new Error('not ready'))]) {
      const report = await restorePosted(shown);
      expect(report.verifiedBy).toBeUndefined();
      expect(report.fields.map((field) => field.outcome)).toEqual(['applied', 'applied']);
    }
  });
});
