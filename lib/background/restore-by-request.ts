import { structuredBody } from '../capture/body-to-fields';
import { finishSnapshot } from '../capture/finish-snapshot';
import { saveRequestSchema } from '../capture/snapshot-draft';
import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { ApplyReport } from '../messaging/apply-report';
import { dashboardReason } from '../restore/dashboard-reason';
import { isSameResource } from '../restore/is-same-resource';
import { likeSaved } from '../restore/like-saved';
import { asThisBrowserSavedIt } from '../restore/as-this-browser-saved-it';
import { erasedSecrets, withEmptySecrets } from '../restore/erased-secrets';
import { planRequestRestore } from '../restore/plan-request-restore';
import { verifyAgainstRead } from '../restore/verify-against-read';
import { withUnreadPlaces } from '../restore/with-unread-places';
import type { PageResponse, PageSave } from '../page/restore-agent/page-requests';
import type { WatchedDashboard } from '../storage';
import { z } from '../zod';
import { requestRefusal } from './request-refusal';
import { ownSavesTo } from './saved-here-to';

/** A page's answer is page data: checked like a capture's request before it is used. */
const pageResponseSchema = z.object({
  ok: z.boolean(),
  status: z.number().int(),
  body: saveRequestSchema.shape.body,
});

export interface RequestRestoreDeps {
  journal: Journal;
  watched: () => Promise<WatchedDashboard[]>;
  read: (tabId: number, url: string) => Promise<PageResponse>;
  send: (tabId: number, save: PageSave) => Promise<PageResponse>;
  salt: () => Promise<string>;
}

export interface RequestRestoreInput {
  tabId: number;
  tabUrl: string;
  workspace: string;
  dashboard: WatchedDashboard;
  backup: Snapshot;
  /** The backup was made in this browser (not pulled, not imported). */
  madeHere: boolean;
  fields?: string[];
}

function checked(response: PageResponse): PageResponse {
  const parsed = pageResponseSchema.safeParse(response);
  return parsed.success ? parsed.data : { ok: false, status: 0 };
}

const CANNOT_READ =
  "Savepoint cannot read the dashboard's current settings here, so it sends a backup from another device or an import only on top of them. Open the page with these settings and restore there";

/** How the dashboard refused a save: "HTTP 422: Unknown field(s): apiKeySet", with its reason when it gave one. */
function refusedSave(answer: PageResponse): string {
  const reason = dashboardReason(answer.body);
  const status = answer.status ? `HTTP ${answer.status}` : 'no answer';
  return reason ? `${status}: ${reason}` : status;
}

/** The server's state of a section as a snapshot (finished with the dashboard's rules), from a read of it. */
export async function serverSection(
  body: unknown,
  input: Pick<RequestRestoreInput, 'tabUrl' | 'dashboard' | 'backup'>,
  salt: string,
): Promise<Snapshot> {
  const request = input.backup.request;
  const snapshot = await finishSnapshot(
    {
      pageUrl: input.tabUrl,
      trigger: { kind: 'restore' },
      ...(request
        ? { request: { method: request.method, url: request.url, bodyKind: request.bodyKind, body } }
        : {}),
      typeHint: input.backup.type,
    },
    { salt, extraLeftOut: input.dashboard.extraLeftOut },
  );
  // Same section, same names in the history as the backup it is compared with: its title, and its fields' labels
  // (taken from the page when it was captured; a read alone names them by their JSON path, "View grid size").
  const labels = new Map(input.backup.fields.map((field) => [field.key, field.label]));
  const fields = snapshot.fields.map((field) => ({ ...field, label: labels.get(field.key) ?? field.label }));
  return { ...snapshot, title: input.backup.title, fields };
}

/**
 * The backup as a restore by request may send it: as it is when this browser made it, else cut to what this
 * browser saw the dashboard's own save of that request carry, and named as this browser named it.
 */
export async function asSentFromHere(
  deps: Pick<RequestRestoreDeps, 'journal' | 'watched'>,
  input: Pick<RequestRestoreInput, 'workspace' | 'backup' | 'tabUrl' | 'madeHere'>,
): Promise<Snapshot> {
  const { backup } = input;
  if (input.madeHere || !backup.request) return backup;
  const own = await ownSavesTo(deps, input.workspace, backup.type, backup.request, input.tabUrl);
  return asThisBrowserSavedIt(backup, own);
}

/**
 * Reads the resource a section's save writes to, when the dashboard serves it: a JSON GET of the same address
 * whose answer has the saved body's shape; undefined otherwise.
 */
export async function readCurrent(deps: Pick<RequestRestoreDeps, 'read'>, tabId: number, backup: Snapshot) {
  if (!backup.request) return undefined;
  const current = checked(await deps.read(tabId, backup.request.url));
  if (!current.ok || typeof current.body !== 'object' || current.body === null) return undefined;
  return isSameResource(current.body, backup.request.body) ? current.body : undefined;
}

/**
 * Puts a backup back through the dashboard's own save request when its form is not on the page: checks the request
 * may be sent from this tab, reads what the server has now, sends it with the chosen fields of the backup on top
 * (fresh CSRF tokens, the user's session), reads it again and reports field by field what the dashboard kept.
 * Returns the report and, for the history, what was sent and what the server had before.
 */
export async function restoreByRequest(deps: RequestRestoreDeps, input: RequestRestoreInput) {
  const { tabId } = input;
  const base: ApplyReport = {
    type: input.backup.type,
    title: input.backup.title,
    savedVia: 'none',
    fields: [],
  };
  const refusal = await requestRefusal(deps, {
    workspace: input.workspace,
    backup: input.backup,
    tabUrl: input.tabUrl,
    savePattern: input.dashboard.savePattern,
    madeHere: input.madeHere,
  });
  if (refusal || !input.backup.request) {
    return { report: { ...base, saveError: refusal ?? 'No save request' } };
  }
  const backup = await asSentFromHere(deps, input);
  const request = backup.request ?? input.backup.request;
  const shown = { method: request.method, url: new URL(request.url, input.tabUrl).href };
  const current = await readCurrent(deps, tabId, backup);
  // The newest backup of the section this browser made is the best knowledge of what the server holds where its
  // read does not show it, or of all of it when it cannot be read (one pulled or imported is data, and its body
  // would be sent whole).
  const [latest] = await deps.journal.newestOfSection(input.workspace, backup.type, 1, madeHere);
  const newest = latest ? await deps.journal.snapshotOf(latest) : null;
  const lastSent = newest?.request?.url === request.url ? newest.request.body : undefined;
  const fallback = current === undefined ? lastSent : undefined;
  // Without either, the backup's own body is sent as it is: only a backup made here, whose body the browser sent.
  if (current === undefined && fallback === undefined && !input.madeHere) {
    return { report: { ...base, request: shown, saveError: CANNOT_READ } };
  }
  const plan = await withEmptySecrets(
    planRequestRestore(backup, input.fields, current ?? fallback),
    backup,
    await deps.salt(),
  );
  if (!plan.planned.length) return { report: { ...base, request: shown, fields: plan.fields } };
  const erases = erasedSecrets(plan, backup, request.method, current !== undefined);
  if (erases) return { report: { ...base, request: shown, saveError: erases } };
  const sent = checked(
    await deps.send(tabId, {
      method: request.method,
      url: request.url,
      bodyKind: request.bodyKind,
      body: plan.body,
      tokenKeys: plan.tokenKeys,
    }),
  );
  // For the history, a read is kept as the dashboard's save sends it: completed with the places the read does not
  // show, cut to the members the save sends. The read may add computed ones (the demo's `apiKeySet`), which the
  // save refuses: Undo sends the "Before restore" entry.
  const saveMembers = withUnreadPlaces(structuredBody(request.body), lastSent);
  const asSaved = (read: unknown) => likeSaved(withUnreadPlaces(read, lastSent), saveMembers);
  const report: ApplyReport = { ...base, savedVia: 'request', request: shown, fields: plan.fields };
  if (!sent.ok) {
    return {
      report: {
        ...report,
        saveError: refusedSave(sent),
        // A status says the dashboard refused it; none leaves whether it kept it unknown.
        fields: plan.fields.map((f) =>
          f.outcome === 'applied'
            ? { ...f, outcome: sent.status ? ('rejected' as const) : ('unconfirmed' as const) }
            : f,
        ),
      },
      // No status (a network error, the tab closed): the save may have been applied, so the way back is kept.
      ...(sent.status ? {} : { before: asSaved(current) }),
    };
  }
  const after = current === undefined ? undefined : await readCurrent(deps, tabId, backup);
  return {
    report: {
      ...report,
      verifiedBy: after === undefined ? ('response' as const) : ('re-read' as const),
      // Without a read (undefined), the dashboard's acceptance of the save is all there is to go by.
      fields: verifyAgainstRead(plan.fields, after),
    },
    // For the history: places the read does not show do not count as changed.
    before: asSaved(current),
    saved: after === undefined ? plan.body : asSaved(withUnreadPlaces(after, plan.body)),
  };
}
