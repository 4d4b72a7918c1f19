import type { Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { RestorePreview } from '../messaging';
import { asThePageHasIt } from '../restore/as-the-page-has-it';
import { unsavedOnPage } from '../restore/unsaved-on-page';
import { textsAsThePageShows } from '../restore/texts-as-the-page-shows';
import type { WatchedDashboard } from '../storage';
import { readInTab } from './apply-in-tab';
import { newestOtherBackup } from './newest-other-backup';
import { requestRefusal } from './request-refusal';
import { asSentFromHere, readCurrent, serverSection } from './restore-by-request';
import { heldSection } from './held-section';
import { loadedSection, lockedFields } from './collect-snapshots';
import { postsForm } from './posts-form';
import { erasedSecrets, withEmptySecrets } from '../restore/erased-secrets';
import { planRequestRestore } from '../restore/plan-request-restore';
import type { RestoreTab } from './restore-tabs';

interface Deps {
  journal: Journal;
  readWatched: () => Promise<WatchedDashboard[]>;
  salt: () => Promise<string>;
  /** The section as the page in a tab shows it (null when its form is not there). */
  currentSection: (tabId: number, snapshot: Snapshot) => Promise<Snapshot | null>;
}

/** What a restore of `stored` would change on the page in `tab` (or, with no tab, the page it would open). */
export async function previewRestore(
  deps: Deps,
  record: BackupRecord,
  stored: Snapshot,
  tab: RestoreTab | null,
): Promise<RestorePreview> {
  let snapshot = stored;
  let current = tab ? await deps.currentSection(tab.tabId, snapshot).catch(() => null) : null;
  /** The form on the page, as collected (`current` may become what the dashboard saved, or another backup). */
  const shown = current;
  let byRequest = !current && Boolean(snapshot.request);
  const refusal = byRequest
    ? await requestRefusal(
        { journal: deps.journal, watched: deps.readWatched },
        {
          workspace: record.workspace,
          backup: snapshot,
          tabUrl: tab?.url ?? snapshot.pageUrl,
          savePattern: tab?.dashboard.savePattern,
          madeHere: madeHere(record),
        },
      )
    : null;
  // What a restore by request would send, named as this browser names it (restore-by-request.ts).
  if (byRequest && !refusal) {
    snapshot = await asSentFromHere(
      { journal: deps.journal, watched: deps.readWatched },
      {
        workspace: record.workspace,
        backup: stored,
        tabUrl: tab?.url ?? stored.pageUrl,
        madeHere: madeHere(record),
      },
    );
  }
  let withoutSecrets: string | null = null;
  if (tab && byRequest && !refusal) {
    const body = await readCurrent({ read: readInTab }, tab.tabId, snapshot).catch(() => undefined);
    if (body !== undefined)
      current = await serverSection(
        body,
        { tabUrl: tab.url, dashboard: tab.dashboard, backup: snapshot },
        await deps.salt(),
      );
    // Unread, a save that would go without the secrets it carries is not sent (restore-by-request.ts): said now.
    if (body === undefined) {
      const plan = await withEmptySecrets(
        planRequestRestore(snapshot, undefined, undefined),
        snapshot,
        await deps.salt(),
      );
      withoutSecrets = erasedSecrets(plan, snapshot, snapshot.request?.method ?? '', false);
    }
  }
  byRequest &&= !refusal;
  // Edits on the page the dashboard did not save: a restore that leaves them unticked puts them back as saved; a
  // secret typed there is emptied again if it was empty, else the restore saves nothing (named with no value) unless
  // the page is loaded again first (a form it posts).
  const held =
    current && !byRequest && (await heldSection(deps.journal, current, record.workspace, record.type));
  const onPage = held ? await unsavedOnPage(current!, held, await deps.salt()) : null;
  // A form the page posts is filled on the page loaded again (create-restore-service.ts).
  const reloads = Boolean(current && !byRequest) && (await postsForm(deps.journal, record.workspace, stored));
  const unsaved = [...(onPage?.fields ?? []), ...(onPage?.blocked && !reloads ? [onPage.blocked] : [])];
  // The page loaded again drops those edits: the restore changes the form as the dashboard holds it, when the page
  // said how it loaded (else this browser's newest save may predate a teammate's, which the page shows).
  const asSaved = reloads && onPage && loadedSection(current!) ? onPage.asSaved : null;
  if (asSaved) current = asSaved;
  // The form is not on the page and the dashboard was not read: the section's newest backup this browser made
  // is the best knowledge of what it holds (unless it is this very backup, which would then show nothing).
  const newest = current ? undefined : await newestOtherBackup(deps.journal, record);
  if (newest) current = newest.snapshot;
  // On the page, a backup made elsewhere is applied as the page has its fields (apply), so it is shown so.
  if (current && !byRequest && !madeHere(record)) snapshot = asThePageHasIt(stored, current);
  // And its drop-downs read as the page shows their values, not as its writer said.
  if (!madeHere(record)) snapshot = textsAsThePageShows(snapshot, newest ? null : current);
  // Secrets' hashes compare only between what this device read or made (each device salts its own).
  const secretsComparable = madeHere(record);
  const changes = diffSnapshots(current, snapshot, { secretsComparable })
    // A restore by request keeps what the backup does not hold as the server has it: nothing is removed.
    .filter((change) => !(byRequest && change.kind === 'removed'))
    .map((change) => (current ? change : { ...change, kind: 'changed' as const }));
  const request = snapshot.request;
  // A field the form on the page keeps disabled is filled only if another restored field enables it.
  const differing = new Set(
    changes.filter((change) => change.kind !== 'unchanged').map((change) => change.key),
  );
  const locked = shown && !byRequest ? lockedFields(shown).filter((key) => differing.has(key)) : [];
  return {
    workspace: record.workspace,
    type: record.type,
    title: record.title,
    onPage: current !== null && !byRequest && !newest,
    comparedWith: newest ? 'backup' : current ? (byRequest ? 'server' : 'page') : null,
    ...(newest ? { comparedBackup: { id: newest.record.id, capturedAt: newest.record.capturedAt } } : {}),
    changes,
    ...(unsaved.length ? { unsaved } : {}),
    ...(reloads ? { reloads: true as const } : {}),
    ...(asSaved ? { comparedAsSaved: true as const } : {}),
    ...(byRequest && request && !withoutSecrets
      ? { request: { method: request.method, url: new URL(request.url, tab?.url ?? snapshot.pageUrl).href } }
      : {}),
    ...(refusal ? { refusal } : withoutSecrets ? { refusal: withoutSecrets } : {}),
    ...(locked.length ? { locked } : {}),
  };
}
