import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { RestorePreview } from '../messaging';
import { reportResult, type ApplyReport } from '../messaging/apply-report';
import { readInstall, type Settings, type WatchedDashboard } from '../storage';
import { asThePageHasIt } from '../restore/as-the-page-has-it';
import { replacedNewerSaves } from '../restore/replaced-newer-saves';
import { unsavedOnPage } from '../restore/unsaved-on-page';
import { authorizeRestore } from '../sync/authorize-restore';
import type { CaptureService } from './create-capture-service';
import { failNoOwnPage } from './fail-no-own-page';
import { ownPageOf } from './own-page-of';
import { previewRestore } from './preview-restore';
import { restoreByRequestWithHistory } from './restore-by-request-with-history';
import { restoreOnPage } from './restore-on-page';
import { readInTab } from './apply-in-tab';
import { answerPageSection } from './answer-page-section';
import { createRestoreTabs } from './restore-tabs';
import { heldSection } from './held-section';
import { loadedSection } from './collect-snapshots';
import { postsForm } from './posts-form';
import { staleTabs } from './stale-tabs';

interface Deps {
  journal: Journal;
  capture: CaptureService;
  readWatched: () => Promise<WatchedDashboard[]>;
  readSettings: () => Promise<Settings>;
  device: () => Promise<string>;
  salt?: () => Promise<string>;
}

/** Restores backups through the dashboard's own save, then checks field by field what the dashboard kept. */
export function createRestoreService(deps: Deps) {
  const salt = deps.salt ?? (async () => (await readInstall()).salt);
  const { home, tabOf, dashboardTab, currentSection } = createRestoreTabs(deps.readWatched, salt);

  async function load(id: string) {
    const record = await deps.journal.get(id);
    if (!record) throw new Error('This backup no longer exists');
    const snapshot = await deps.journal.snapshotOf(record);
    if (!snapshot) throw new Error('This backup has no stored settings');
    return { record, snapshot };
  }

  return {
    /** What a restore would change on the page the user looks at (or the page it would open). */
    async preview(id: string, tabId?: number): Promise<RestorePreview> {
      const { record, snapshot } = await load(id);
      await home(record.workspace, snapshot);
      const tab = tabId === undefined ? null : await tabOf(tabId, record.workspace);
      return previewRestore(
        { journal: deps.journal, readWatched: deps.readWatched, salt, currentSection },
        record,
        snapshot,
        tab,
      );
    },

    /** Applies a backup (or chosen fields of it) through the dashboard and reports what the dashboard kept. */
    async apply(id: string, tabId?: number, fields?: string[]): Promise<ApplyReport> {
      const { record, snapshot } = await load(id);
      await home(record.workspace, snapshot);
      // A backup made elsewhere names its page as data: a restore opens only a page this browser captured it on.
      const page = async () =>
        madeHere(record)
          ? snapshot.pageUrl
          : await ownPageOf(deps.journal, record.workspace, record.type, snapshot.pageUrl);
      const given = tabId === undefined ? null : await tabOf(tabId, record.workspace);
      let tab =
        given ?? (await dashboardTab(record.workspace, (await page()) ?? failNoOwnPage(record.title), tabId));
      // With Convex, only an admin key restores, and the audit entry is written before anything changes.
      const audit = await authorizeRestore(await deps.readSettings(), {
        workspace: record.workspace,
        clientBackupId: id,
        device: await deps.device(),
      });
      let before = await currentSection(tab.tabId, snapshot, true);
      // A page loaded here, for the restore, shows what the dashboard holds and nothing typed.
      let fresh = false;
      // A form the page posts is filled on the page loaded again: loaded before a teammate's save, it would show
      // (and its Save send back) what the dashboard held before it.
      const posts = await postsForm(deps.journal, record.workspace, snapshot);
      // What the dashboard held as far as this browser knows, to name the saves made elsewhere since then that the
      // restore replaces: the section as the page loaded it. A page that cannot say names none; nor does a restore
      // from another page, whose newest save made here holds what the form sent, which the dashboard may have
      // stored otherwise (DokuWiki strips a number's spaces).
      let known: Snapshot | null = null;
      if (before && posts) {
        known = loadedSection(before) ?? null;
        tab = await dashboardTab(record.workspace, tab.url, tab.tabId, true);
        before = await currentSection(tab.tabId, snapshot, true);
        fresh = true;
      }
      // Another page of the same dashboard: a section saved by its form is restored on the page it was saved on.
      const formPage = !before && !snapshot.request ? await page() : null;
      if (formPage !== null && tab.url !== formPage) {
        tab = await dashboardTab(record.workspace, formPage, tab.tabId, true);
        before = await currentSection(tab.tabId, snapshot, true);
        fresh = true;
      }
      let report: ApplyReport;
      // The save request this browser saw the section's save make: its refusal is heard at once, with its status.
      const request = madeHere(record) ? snapshot.request : undefined;
      const save = request ? { method: request.method, url: request.url } : undefined;
      deps.capture.markRestoring(tab.tabId, record.workspace, record.type, true, undefined, save);
      try {
        if (!before && snapshot.request) {
          report = await restoreByRequestWithHistory(
            { journal: deps.journal, capture: deps.capture, readWatched: deps.readWatched, salt },
            tab,
            record,
            snapshot,
            fields,
          );
        } else {
          // The page's Save sends its whole form: an edit typed there and not saved is put back as the dashboard
          // saved it, unless the restore sets that field itself; and it is not what the dashboard held before.
          const held =
            before &&
            (fresh ? before : await heldSection(deps.journal, before, record.workspace, record.type));
          const unsaved = before ? await unsavedOnPage(before, held, await salt()) : null;
          // What the dashboard held goes into the history only once it accepts the save (for Undo): a save it
          // refuses changed nothing, and leaves no "Before restore" entry behind.
          if (unsaved) {
            deps.capture.markRestoring(tab.tabId, record.workspace, record.type, true, {
              snapshot: unsaved.asSaved,
              label: `Before restore of ${record.title}`,
            });
          }
          // A backup made elsewhere chooses no button and no input: the page's own reading of the section does.
          const onPage = madeHere(record) ? snapshot : asThePageHasIt(snapshot, before);
          const restored = new Set(fields ?? onPage.fields.map((field) => field.key));
          // A secret is never restored (no value is stored): a typed one emptied again is put back even so.
          const putBack = unsaved?.fields.filter((field) => field.secret || !restored.has(field.key)) ?? [];
          const blocked = unsaved?.blocked;
          report = blocked
            ? {
                type: record.type,
                title: record.title,
                savedVia: 'none',
                fields: [],
                saveError: `${blocked.label || blocked.key} has an unsaved change on the page that Savepoint cannot put back (a secret is never stored), so nothing was saved: save or undo it there first`,
              }
            : await restoreOnPage(deps.capture, tab, record, onPage, fields, putBack, {
                read: readInTab,
                // A posted form is checked on the page the dashboard redirected to, drawn from what it now holds.
                shown: (id) =>
                  answerPageSection(id, { current: (tab) => currentSection(tab, snapshot, true) }),
              });
          if (known && before) report = replacedNewerSaves(report, known, before);
        }
        // Saved by request, the tab the restore ran in still holds the old values too.
        if (report.fields.some((field) => field.outcome === 'applied')) {
          const filled = report.savedVia === 'control' ? tab.tabId : undefined;
          // A posted form's values are only on a page that shows it (not on a page of the wiki).
          const showsForm = async (id: number) => (await currentSection(id, snapshot)) !== null;
          report.staleTabs = await staleTabs(
            await deps.readWatched(),
            record.workspace,
            filled,
            posts ? showsForm : undefined,
          );
        }
        await audit.finish({
          result: reportResult(report),
          report: JSON.stringify(report.fields.map(({ key, outcome }) => ({ key, outcome }))),
        });
        return report;
      } finally {
        deps.capture.markRestoring(tab.tabId, record.workspace, record.type, false);
      }
    },
  };
}
