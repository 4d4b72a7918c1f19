// A partial restore on the page presses the page's own Save, which sends the whole form: an edit the user typed
// and did not save (found on the real DokuWiki: "UNSAVED DRAFT" in Wiki title, only Tagline ticked) must not be
// saved with it, nor recorded as what the dashboard held before the restore. Here the page's script saves the form
// (a request): the page stays as it is. A form the page posts is loaded again instead, without the edit
// (restore-changed-elsewhere.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';
import { secretHash } from '../../../lib/capture/secret-hash';
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

const calls = vi.hoisted(() => ({
  applied: [] as unknown[][],
  before: [] as unknown[],
  /** What the page shows, when not `page`. */
  shows: null as Snapshot | null,
}));
vi.mock('../../../lib/background/apply-in-tab', async () =>
  (await import('../support/apply-in-tab-mock')).applyInTabMock(calls),
);
vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    tabOf: async () => tab,
    dashboardTab: async () => tab,
    currentSection: async () => calls.shows ?? page,
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
  calls.shows = null;
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

describe('a secret typed on the page and not saved (a secret is never stored, so it cannot be put back as saved)', () => {
  const SALT = 'salt-salt-salt-salt';
  /** An API key field as a snapshot of this browser has it: no value, the salted hash of what the page held. */
  const apiKey = async (value: string): Promise<CapturedField> => ({
    ...field('apiKey', ''),
    label: 'API key',
    value: null,
    locator: { name: 'apiKey', inputType: 'password' },
    secret: { hash: await secretHash(SALT, 'apiKey', value), reason: 'password' },
  });
  /** The service over a dashboard that last saved the API key `savedKey`, on a page where `typed` was typed. */
  async function restoreWithKey(savedKey: string, typed: string) {
    const held = { ...saved, fields: [...saved.fields, await apiKey(savedKey)] };
    calls.shows = {
      ...page,
      fields: [field('title', 'Wiki'), field('tagline', 'Saved tagline'), await apiKey(typed)],
    };
    // The backup has the key too, left out as every secret is.
    const older = { ...backup, fields: [...backup.fields, await apiKey('an older key')] };
    return restoreServiceOver([savedRecord, backupRec], { saved: held, old: older }, calls);
  }

  it('one the page held empty (a key the dashboard never shows) is emptied again before the page is saved', async () => {
    await (await restoreWithKey('', 'typed, not saved')).apply('old', tab.tabId, ['tagline']);
    const [, , , putBack] = calls.applied[0]!;
    expect(putBack).toMatchObject([{ key: 'apiKey', value: '', locator: { name: 'apiKey' } }]);
  });

  it('by a full restore too (a secret is never restored, so the restore sets no value of its own)', async () => {
    await (await restoreWithKey('', 'typed, not saved')).apply('old', tab.tabId);
    expect(calls.applied[0]![3]).toMatchObject([{ key: 'apiKey', value: '' }]);
  });

  it('the "Before restore" entry holds the key as the dashboard held it, not the typed one', async () => {
    await (await restoreWithKey('', 'typed, not saved')).apply('old', tab.tabId, ['tagline']);
    const [before] = calls.before as { snapshot: Snapshot }[];
    const key = before!.snapshot.fields.find((f) => f.key === 'apiKey');
    expect(key?.secret?.hash).toBe((await apiKey('')).secret?.hash);
  });

  it('one typed over a key the page held cannot be put back: nothing is saved, and the report says which', async () => {
    const report = await (await restoreWithKey('the saved key', 'typed, not saved')).apply('old', tab.tabId);
    expect(calls.applied).toEqual([]);
    expect(report.savedVia).toBe('none');
    expect(report.saveError).toMatch(/^API key has an unsaved change on the page/);
  });

  it('the preview says so on its row: emptied again, or not put back', async () => {
    const emptied = await (await restoreWithKey('', 'typed')).preview('old', tab.tabId);
    expect(emptied.unsaved).toMatchObject([{ key: 'apiKey', value: '' }]);
    const blocked = await (await restoreWithKey('the saved key', 'typed')).preview('old', tab.tabId);
    expect(blocked.unsaved).toMatchObject([{ key: 'apiKey', value: null, secret: {} }]);
  });

  it('one the page shows as the dashboard saved it is left alone', async () => {
    await (await restoreWithKey('the saved key', 'the saved key')).apply('old', tab.tabId, ['tagline']);
    expect(calls.applied[0]![3]).toEqual([]);
  });
});
