import { setTimeout as sleep } from 'node:timers/promises';
import { readParsedBody, redirect, sendEmpty, sendHtml, sendJson } from './http-helpers';
import type { SectionStatuses } from './pages/fields';
import type { RouteContext } from './router';
import type { SettingsStore } from './settings-store';
import type { TestControls } from './test-controls';

/** What the save handlers share: the server's store and test controls. */
export interface SaveDeps {
  store: SettingsStore;
  controls: TestControls;
}

/** A forced failure or a delay applies to every save, whichever way it arrives. */
async function beforeSave(context: RouteContext, deps: SaveDeps) {
  // Taken on arrival, before the body is read, so "the next N" follows request order.
  const rejection = deps.controls.takeRejection();
  const body = await readParsedBody(context.req);
  if (deps.controls.delayMs > 0) await sleep(deps.controls.delayMs);
  return { rejection, body };
}

/** `PUT|PATCH|POST /api/workspaces/:workspace/settings/:section`: a fetch or XHR save, answered with JSON. */
export async function handleApiSave(context: RouteContext, deps: SaveDeps): Promise<void> {
  const { workspace = '', section = '' } = context.params;
  const { rejection, body } = await beforeSave(context, deps);
  if (rejection !== undefined)
    return sendJson(context.res, rejection, {
      ok: false,
      error: `Save rejected (test control ${rejection})`,
    });
  if (!body.ok) return sendJson(context.res, body.status, { ok: false, error: body.error });
  if (body.kind === 'none') return sendJson(context.res, 400, { ok: false, error: 'Empty body' });
  const fromForm = body.kind === 'form' || body.kind === 'multipart';
  const result = deps.store.save(
    workspace,
    section,
    body.value,
    {
      coerceStrings: fromForm,
      absentFlagsAreFalse: false,
    },
    deps.controls.locked,
  );
  if (!result.ok) return sendJson(context.res, result.status, { ok: false, error: result.error });
  deps.controls.record({
    workspace,
    section,
    via: context.req.headers['x-requested-with'] === 'XMLHttpRequest' ? 'xhr' : 'fetch',
    method: context.req.method ?? 'PUT',
    path: context.path,
    body: body.value,
    at: Date.now(),
  });
  sendJson(context.res, 200, { ok: true, settings: result.settings });
}

/** `DELETE /api/workspaces/:workspace/settings/:section/items/:itemId`: removes one list entry, 204. */
export async function handleItemDelete(context: RouteContext, deps: SaveDeps): Promise<void> {
  const { workspace = '', section = '', itemId = '' } = context.params;
  const { rejection } = await beforeSave(context, deps);
  if (rejection !== undefined)
    return sendJson(context.res, rejection, {
      ok: false,
      error: `Save rejected (test control ${rejection})`,
    });
  const result = deps.store.removeItem(workspace, section, itemId);
  if (!result.ok) return sendJson(context.res, result.status, { ok: false, error: result.error });
  deps.controls.record({
    workspace,
    section,
    via: context.req.headers['x-requested-with'] === 'XMLHttpRequest' ? 'xhr' : 'fetch',
    method: 'DELETE',
    path: context.path,
    body: null,
    at: Date.now(),
  });
  sendEmpty(context.res, 204);
}

/** How a classic form route answers: where to go after a save, and how to redraw the page after a failure. */
export interface FormTarget {
  /** The 303 Location after an accepted save. */
  redirectTo: string;
  /** Renders the form's page with a failure status under the section. */
  renderPage(statuses: SectionStatuses): string;
}

/** A classic url-encoded or multipart form post: 303 on success, the page redrawn with the error status otherwise. */
export async function handleFormSave(
  context: RouteContext,
  deps: SaveDeps,
  target: FormTarget,
): Promise<void> {
  const { workspace = '', section = '' } = context.params;
  const { rejection, body } = await beforeSave(context, deps);
  const fail = (status: number, detail: string): void =>
    sendHtml(
      context.res,
      status,
      target.renderPage({ [section]: { text: `Save failed (${status})`, detail } }),
    );
  if (rejection !== undefined) return fail(rejection, 'The server refused the save. Nothing was changed.');
  if (!body.ok) return fail(body.status, body.error);
  const result = deps.store.save(
    workspace,
    section,
    body.kind === 'none' ? {} : body.value,
    {
      coerceStrings: true,
      absentFlagsAreFalse: true,
    },
    deps.controls.locked,
  );
  if (!result.ok) return fail(result.status, result.error);
  deps.controls.record({
    workspace,
    section,
    via: 'form',
    method: context.req.method ?? 'POST',
    path: context.path,
    body: body.value,
    at: Date.now(),
  });
  redirect(context.res, target.redirectTo);
}
