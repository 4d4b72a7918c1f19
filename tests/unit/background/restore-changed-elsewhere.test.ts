// A teammate saved a new Wiki title from another browser; this browser's newest backup still has the old one. The
// page, loaded since, shows the teammate's title as saved. A partial restore of the Tagline must not take that title
// for an edit typed here and put this browser's older title back over it, nor record the older title as what the
// dashboard held before the restore (Undo would then revert the teammate too). An edit typed here is still put back.
// A form the page posts is filled on the page loaded again, which shows even a save the teammate made after this page
// had loaded.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';
import type { WatchedDashboard } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';
import { restoreServiceOver } from '../support/restore-service-fixture';
import { rawField } from '../support/snapshot-fixture';

const URL_ = 'http://127.0.0.1:4410/doku.php?do=admin&page=config';
const DASHBOARD: WatchedDashboard = {
  id: 'd1',
  pattern: 'http://127.0.0.1:4410/*',
  workspace: 'wiki',
  extraLeftOut: [],
  managed: false,
};
const tab = { tabId: 7, url: URL_, dashboard: DASHBOARD, workspace: 'wiki' };
const field = (key: string, value: string): CapturedField => ({
  key,
  label: key,
  value,
  locator: { name: key, inputType: 'text' },
});
/** The section with these values, saved by a script's request (`fetch`) or by posting its form (`form`). */
const section = (values: Record<string, string>, kind: 'fetch' | 'form' = 'fetch'): Snapshot => ({
  type: 'config',
  title: 'Configuration Manager',
  pageUrl: URL_,
  fields: Object.entries(values).map(([key, value]) => field(key, value)),
  trigger: { kind },
  leftOut: [],
});
const rawFields = (values: Record<string, string>) =>
  Object.entries(values).map(([key, value]) => rawField(key, value));

/** This browser's newest save, before the teammate's. */
const saved = section({ title: 'Wiki', tagline: 'Saved tagline', start: 'home' });
/** The page as it loaded (the teammate's title), and as it shows now (an edit typed in Start page). */
const loaded = { title: "Teammate's title", tagline: 'Saved tagline', start: 'home' };
const shown = { ...loaded, start: 'UNSAVED DRAFT' };
const backupValues = { title: 'Team handbook', tagline: 'Everything we know', start: 'index' };
const backup = section(backupValues);
const savedRecord = backupRecord({ id: 'saved', type: 'config', capturedAt: 2 });
const backupRec = backupRecord({ id: 'old', type: 'config', capturedAt: 1 });
/** The same backup, of the section saved by posting its form. */
const postedRec = backupRecord({ id: 'posted', type: 'config', capturedAt: 1 });

const calls = vi.hoisted(() => ({
  applied: [] as unknown[][],
  before: [] as unknown[],
  tellLoaded: true,
  /** Each page the restore had the tab load (its dashboardTab calls). */
  navigated: [] as unknown[][],
  /** What the dashboard holds now, which the page shows once loaded again; null: what it showed already. */
  holds: null as Record<string, string> | null,
  /** Whether the tab shows the form before the restore loads any page (false: another page of the dashboard). */
  formShown: true,
  appliedReport: undefined as unknown,
  saved: undefined as unknown,
}));
vi.mock('../../../lib/background/apply-in-tab', async () =>
  (await import('../support/apply-in-tab-mock')).applyInTabMock(calls),
);
// The page's answer goes through the real collectSnapshots, as the worker receives it.
vi.mock('../../../lib/background/restore-tabs', async () => {
  const { collectSnapshots } = await import('../../../lib/background/collect-snapshots');
  return {
    createRestoreTabs: () => ({
      home: async () => undefined,
      // Another page of the wiki, when the form is not shown.
      tabOf: async () => (calls.formShown ? tab : { ...tab, url: 'http://127.0.0.1:4410/doku.php?id=start' }),
      dashboardTab: async (...args: unknown[]) => {
        calls.navigated.push(args);
        return tab;
      },
      currentSection: async () => {
        if (!calls.formShown && calls.navigated.length === 0) return null;
        // Loaded again, the page shows what the dashboard holds, and nothing typed; just loaded, it cannot yet say
        // how it loaded (it reads that a second after its load). Once the restore's form post was accepted, the
        // page the wiki answers with shows what the save left (its capture, here).
        const posted = calls.applied.length > 0 ? (calls.saved as Snapshot | undefined) : undefined;
        const fresh = posted
          ? Object.fromEntries(posted.fields.map((f) => [f.key, String(f.value)]))
          : calls.navigated.length > 0
            ? calls.holds
            : null;
        const draft = {
          pageUrl: URL_,
          trigger: { kind: 'manual' },
          section: {
            type: 'config',
            title: 'Configuration Manager',
            fields: rawFields(fresh ?? shown),
            ...(calls.tellLoaded && !fresh ? { loaded: rawFields(loaded) } : {}),
          },
        };
        const answer = async () => ({ drafts: [draft] });
        const [snapshot] = await collectSnapshots(
          7,
          { dashboard: DASHBOARD, workspace: 'wiki' },
          [DASHBOARD],
          async () => 'salt-salt-salt-salt',
          answer,
        );
        return snapshot ?? null;
      },
    }),
  };
});

const restore = restoreServiceOver(
  [savedRecord, backupRec, postedRec],
  { saved, old: backup, posted: { ...backup, trigger: { kind: 'form' } } },
  calls,
  [DASHBOARD],
);

beforeEach(() => {
  calls.applied = [];
  calls.before = [];
  calls.tellLoaded = true;
  calls.navigated = [];
  calls.holds = null;
  calls.formShown = true;
  calls.appliedReport = undefined;
  calls.saved = undefined;
});

const values = (fields: { key: string; value: unknown }[]) =>
  Object.fromEntries(fields.map((f) => [f.key, f.value]));

describe('a field a teammate saved elsewhere, which the page loaded, beside an edit typed here', () => {
  it('the preview names only the edit typed here, with the value the page loaded', async () => {
    const preview = await restore.preview('old', tab.tabId);
    expect(preview.unsaved).toMatchObject([{ key: 'start', value: 'home' }]);
  });

  it("a partial restore puts back only that edit, and the teammate's title stays", async () => {
    await restore.apply('old', tab.tabId, ['tagline']);
    const [, , fields, putBack] = calls.applied[0]!;
    expect(fields).toEqual(['tagline']);
    expect(putBack).toMatchObject([{ key: 'start', value: 'home' }]);
  });

  it('the "Before restore" entry is what the dashboard held: the teammate\'s title, not the draft', async () => {
    await restore.apply('old', tab.tabId, ['tagline']);
    const [before] = calls.before as { snapshot: Snapshot }[];
    expect(values(before!.snapshot.fields)).toEqual(loaded);
  });

  it("a page that cannot say how it loaded is compared with this browser's newest save, as before", async () => {
    calls.tellLoaded = false;
    const preview = await restore.preview('old', tab.tabId);
    expect(preview.unsaved?.map((f) => f.key)).toEqual(['title', 'start']);
  });
});

describe('a teammate saved after this page loaded: the form still shows the older value, and its Save sends it', () => {
  // The page loaded the teammate's title; since then the teammate saved a new Start page too.
  const holds = { ...loaded, start: 'welcome' };

  it('a restore loads the form page again first, so a partial restore sends what the dashboard holds now', async () => {
    calls.holds = holds;
    await restore.apply('posted', tab.tabId, ['tagline']);
    expect(calls.navigated).toEqual([[postedRec.workspace, URL_, tab.tabId, true]]);
    const [, , fields, putBack] = calls.applied[0]!;
    expect(fields).toEqual(['tagline']);
    // Nothing to put back over the teammate's Start page: the page loaded again shows it as saved.
    expect(putBack).toEqual([]);
  });

  it('the "Before restore" entry is what the dashboard held: the teammate\'s newer save, which Undo puts back', async () => {
    calls.holds = holds;
    await restore.apply('posted', tab.tabId, ['tagline']);
    const [before] = calls.before as { snapshot: Snapshot }[];
    expect(values(before!.snapshot.fields)).toEqual(holds);
  });

  it('so does an Undo, whose "Before restore" entry was read from the page: the section\'s saves post its form', async () => {
    const readFromPage = backupRecord({ id: 'before', type: 'config', capturedAt: 1, source: 'manual' });
    const undo = restoreServiceOver(
      [{ ...savedRecord, id: 'posted-save' }, readFromPage],
      {
        'posted-save': { ...saved, trigger: { kind: 'form' } },
        before: { ...backup, trigger: { kind: 'manual' } },
      },
      calls,
      [DASHBOARD],
    );
    calls.holds = holds;
    await undo.apply('before', tab.tabId, ['tagline']);
    expect(calls.navigated).toEqual([[readFromPage.workspace, URL_, tab.tabId, true]]);
    expect(calls.applied[0]![3]).toEqual([]);
  });

  it('its preview says the page is loaded again first, and still names the edit typed here, which that drops', async () => {
    const preview = await restore.preview('posted', tab.tabId);
    expect(preview.reloads).toBe(true);
    expect(preview.unsaved).toMatchObject([{ key: 'start', value: 'home' }]);
    // A section saved by a script's request is filled on the page as it is.
    expect((await restore.preview('old', tab.tabId)).reloads).toBeUndefined();
  });

  it('its preview compares with the form as the page loaded it: the edit typed here is not what the restore changes', async () => {
    const preview = await restore.preview('posted', tab.tabId);
    expect(preview.comparedAsSaved).toBe(true);
    const start = preview.changes.find((change) => change.key === 'start');
    // The page loaded again shows the Start page as saved ("home"), not the draft typed here.
    expect(start).toMatchObject({ kind: 'changed', before: 'home', after: 'index' });
  });

  it("a page that cannot say how it loaded is previewed as it is: this browser's newest save may predate it", async () => {
    calls.tellLoaded = false;
    const preview = await restore.preview('posted', tab.tabId);
    expect(preview.comparedAsSaved).toBeUndefined();
    // The title the page shows (a teammate's save before it loaded) is what the restore would change.
    const title = preview.changes.find((change) => change.key === 'title');
    expect(title).toMatchObject({ kind: 'changed', before: "Teammate's title", after: 'Team handbook' });
  });

  it("a restore from another page of the dashboard keeps the teammate's saves too: the form it opens shows them", async () => {
    calls.formShown = false;
    calls.holds = holds;
    await restore.apply('posted', tab.tabId, ['tagline']);
    const [, , , putBack] = calls.applied[0]!;
    expect(putBack).toEqual([]);
    const [before] = calls.before as { snapshot: Snapshot }[];
    expect(values(before!.snapshot.fields)).toEqual(holds);
  });

  describe('a ticked field restored over that newer save', () => {
    /** The page's Save set the Start page to the backup's, and the wiki kept it. */
    const savedStart = () => {
      calls.holds = holds;
      calls.appliedReport = {
        type: 'config',
        title: 'Configuration Manager',
        savedVia: 'control',
        fields: [
          { key: 'start', label: 'start', outcome: 'applied', expected: 'index' },
          { key: 'title', label: 'title', outcome: 'skipped', expected: 'Team handbook' },
        ],
      };
      calls.saved = section({ ...holds, start: 'index' }, 'form');
    };

    it("is reported with the teammate's value it replaced, which the preview could not show", async () => {
      savedStart();
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields).toMatchObject([
        { key: 'start', outcome: 'applied', replaced: 'welcome' },
        { key: 'title', outcome: 'skipped' },
      ]);
      expect(report.fields[1]).not.toHaveProperty('replaced');
    });

    it('from another page of the dashboard nothing is named: the last save made here holds what its form sent, which the dashboard may store otherwise', async () => {
      savedStart();
      calls.formShown = false;
      // The wiki stores a value otherwise than the form sent it (DokuWiki strips a number's spaces: "60 * 60" comes
      // back "60*60"); here "home" comes back "HOME". No teammate saved anything.
      calls.holds = { ...loaded, start: 'HOME' };
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields[0]).toMatchObject({ key: 'start', outcome: 'applied' });
      expect(report.fields[0]).not.toHaveProperty('replaced');
    });

    it('nor when the dashboard kept the newer value after all', async () => {
      savedStart();
      calls.saved = section(holds, 'form');
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields[0]).toMatchObject({ outcome: 'changed-by-dashboard' });
      expect(report.fields[0]).not.toHaveProperty('replaced');
    });

    it('nothing is named when the page could not say how it loaded: an edit typed there is no save', async () => {
      savedStart();
      calls.holds = loaded;
      calls.tellLoaded = false;
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields[0]).not.toHaveProperty('replaced');
    });

    it('nothing is named for a backup pulled from another device, with no save made here to know better', async () => {
      savedStart();
      calls.holds = loaded;
      calls.tellLoaded = false;
      const pulledRec = backupRecord({ id: 'pulled', type: 'config', capturedAt: 1, outbox: 'remote' });
      const pulled = restoreServiceOver([pulledRec], { pulled: section(backupValues, 'form') }, calls, [
        DASHBOARD,
      ]);
      const report = await pulled.apply('pulled', tab.tabId, ['start']);
      expect(calls.navigated).toHaveLength(1);
      expect(report.fields[0]).toMatchObject({ key: 'start', outcome: 'applied' });
      // The page showed an edit typed there, not a save: the wiki held "home" all along.
      expect(report.fields[0]).not.toHaveProperty('replaced');
    });

    it('a value the dashboard changed on save is named too: the save still replaced the newer one', async () => {
      savedStart();
      calls.saved = section({ ...holds, start: 'Index' }, 'form');
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields[0]).toMatchObject({ outcome: 'changed-by-dashboard', replaced: 'welcome' });
    });

    it('nothing is named when nobody saved since: the page loaded again shows what this browser knew', async () => {
      savedStart();
      calls.holds = loaded;
      const report = await restore.apply('posted', tab.tabId, ['start']);
      expect(report.fields[0]).toMatchObject({ key: 'start', outcome: 'applied' });
      expect(report.fields[0]).not.toHaveProperty('replaced');
    });
  });
});
