// A partial restore on the page presses the page's own Save, which sends the whole form: an edit the user typed
// and did not save (found on the real DokuWiki: "UNSAVED DRAFT" in Wiki title, only Tagline ticked) must not be
// saved with it, nor recorded as what the dashboard held before the restore. Here the page's script saves the form
// (a request): the page stays as it is. A form the page posts is loaded again instead, without the edit
// (restore-changed-elsewhere.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';
import { backupRecord } from '../support/backup-record-fixture';
import { restoreServiceOver } from '../support/restore-service-fixture';

const tab = { tabId: 7, url: 'http://127.0.0.1:4410/doku.php?do=admin&page=config', dashboard: {} };
const field = (key: string, value: string): CapturedField => ({
  key,
  label: key,
  value,
  locator: { name: key, inputType: 'text' },
});
const section = (title: string, tagline: string): Snapshot => ({
  type: 'config',
  title: 'Configuration Manager',
  pageUrl: tab.url,
  fields: [field('title', title), field('tagline', tagline)],
  trigger: { kind: 'fetch' },
  leftOut: [],
});
/** What the dashboard last saved (the newest backup made here), what the page shows, and the backup restored. */
const saved = section('Wiki', 'Saved tagline');
const page = section('UNSAVED DRAFT', 'Saved tagline');
const backup = section('Team handbook', 'Everything we know');
const savedRecord = backupRecord({ id: 'saved', type: 'config', capturedAt: 2 });
const backupRec = backupRecord({ id: 'old', type: 'config', capturedAt: 1 });
/** "Capture now" with the draft on the page: a backup of the page, not of a save. */
const capturedDraft = backupRecord({ id: 'draft', type: 'config', capturedAt: 3, source: 'manual' });

const calls = vi.hoisted(() => ({ applied: [] as unknown[][], before: [] as unknown[] }));
vi.mock('../../../lib/background/apply-in-tab', async () =>
  (await import('../support/apply-in-tab-mock')).applyInTabMock(calls),
);
vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    tabOf: async () => tab,
    dashboardTab: async () => tab,
    currentSection: async () => page,
  }),
}));

const restore = restoreServiceOver(
  [capturedDraft, savedRecord, backupRec],
  { saved, draft: page, old: backup },
  calls,
);

beforeEach(() => {
  calls.applied = [];
  calls.before = [];
});

describe('an unsaved edit on the page, in a field the restore leaves unticked', () => {
  it('the preview names it, with the value it is put back to', async () => {
    const preview = await restore.preview('old', tab.tabId);
    expect(preview.unsaved).toMatchObject([{ key: 'title', value: 'Wiki' }]);
  });

  it('is put back as the dashboard last saved it before the page is saved', async () => {
    await restore.apply('old', tab.tabId, ['tagline']);
    const [, , fields, putBack] = calls.applied[0]!;
    expect(fields).toEqual(['tagline']);
    expect(putBack).toMatchObject([{ key: 'title', value: 'Wiki', locator: { name: 'title' } }]);
  });

  it('the "Before restore" entry holds what the dashboard saved, not the draft (partial or full restore)', async () => {
    await restore.apply('old', tab.tabId, ['tagline']);
    await restore.apply('old', tab.tabId);
    expect(calls.before).toMatchObject([
      { snapshot: { fields: [{ key: 'title', value: 'Wiki' }, { key: 'tagline' }] } },
      { snapshot: { fields: [{ key: 'title', value: 'Wiki' }, { key: 'tagline' }] } },
    ]);
  });

  it('a full restore has nothing to put back: every field gets the backup value', async () => {
    await restore.apply('old', tab.tabId);
    expect(calls.applied[0]![3]).toEqual([]);
  });
});
