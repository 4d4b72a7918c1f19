/**
 * The demo dashboard ("Botdesk") that `npm start`, the end-to-end tests and the benchmarks drive.
 * Plain `node:http`, settings in memory per server instance and per workspace (any slug; defaults on first use).
 *
 * Pages (rendered server-side with the current values)
 *   GET  /                                   302 → /acme/settings
 *   GET  /:workspace/settings                "Bot names" (fetch PUT), "Intern" (classic form), "Brain" (fetch PUT from a form)
 *   GET  /:workspace/app-settings            framework-style page: script state is the truth, Save sends state (section `app`)
 *   GET  /:workspace/lab/fetch-kinds         one Save per body kind, a DELETE, a GET poll, analytics beacons
 *   GET  /:workspace/lab/forms               classic forms: click, Enter, requestSubmit(), button[formaction], one
 *                                            filled by its script from the API after the load (`form-scripted`)
 *   GET  /:workspace/lab/forge               forged bridge postMessages + one real save (section `forge-real`)
 *   GET  /:workspace/lab/large               one ~5 MB section (`knowledge-base`, 55 long textareas) for Capture now
 *   GET  /:workspace/lab/offline-app/        a page its service worker serves after the first visit (Bot names)
 *   GET  /about                              a page of the same site that is not a settings page
 *   GET  /favicon.ico                        204;  GET /assets/:file  CSS and page scripts from demo/public/
 *
 * Classic form posts (url-encoded or multipart; unchecked checkboxes absent = false)
 *   POST /:workspace/settings/:section       303 → /:workspace/settings?saved=:section
 *   POST /:workspace/lab/forms/:section      303 → /:workspace/lab/forms?saved=:section
 *   POST /:workspace/lab/forms-alt/:section  303 → /:workspace/lab/forms?via=formaction&saved=:section
 *   A refused form post redraws its page with that HTTP status and "Save failed (status)" under the section.
 *
 * JSON API
 *   GET    /api/workspaces/:workspace/settings            { [section]: values }  (secrets shown as `<name>Set: boolean`)
 *   GET    /api/workspaces/:workspace/settings/:section   values
 *   PUT|PATCH|POST /api/workspaces/:workspace/settings/:section
 *          JSON, url-encoded or multipart; fields are merged; an empty secret keeps the stored one.
 *          200 { ok: true, settings } · 400 { ok: false, error } bad type/body · 422 unknown field or value out of
 *          range (old values kept) · 404 unknown section. `X-Requested-With: XMLHttpRequest` marks an XHR save.
 *   DELETE /api/workspaces/:workspace/settings/:section/items/:itemId   204 (section `lab-items`)
 *   POST   /analytics/collect, /analytics/track                        204, not a settings save
 *   POST   /api/workspaces/:workspace/bots/:bot/:action                 200 { ok, action, count }: bot tools
 *          (`test-webhook`, `recount`), writes that are not settings saves
 *
 * Test controls (JSON)
 *   POST /_test/reject-next { count?: 1, status?: 500 }  the next N saves (API or form) fail and change nothing
 *   POST /_test/delay { ms }                             every save waits `ms` before it is handled
 *   POST /_test/lock-fields { fields }                   saves are accepted and keep these fields as stored
 *   GET  /_test/saves                                    [{ workspace, section, via, method, path, body, at }]
 *   POST /_test/reset                                    defaults, no saves, no rejections, no delay
 *   GET  /_test/settings/:workspace                      stored values, secrets included
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readParsedBody, redirect, sendEmpty, sendHtml, sendJson } from './http-helpers';
import { renderAboutPage } from './pages/about-page';
import { renderAppSettingsPage } from './pages/app-settings-page';
import { renderFetchKindsPage } from './pages/fetch-kinds-page';
import type { SectionStatuses } from './pages/fields';
import { renderForgePage } from './pages/forge-page';
import { renderFormsPage } from './pages/forms-page';
import { renderLargePage } from './pages/large-page';
import { OFFLINE_APP_WORKER, renderOfflineAppPage } from './pages/offline-app-page';
import { escapeHtml } from './pages/html';
import { renderSettingsPage } from './pages/settings-page';
import { createRouter, type RouteContext } from './router';
import { handleApiSave, handleFormSave, handleItemDelete, type SaveDeps } from './save-handlers';
import { createSettingsStore, type WorkspaceSettings } from './settings-store';
import { createTestControls } from './test-controls';
import {
  handleDelay,
  handleLockFields,
  handleRejectNext,
  handleReset,
  handleSaves,
  handleTestSettings,
} from './test-routes';

/** A running demo server. */
export interface DemoServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:4400`. */
  url: string;
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const SAVE_METHODS = ['PUT', 'PATCH', 'POST'] as const;

/** The "Saved" line a page shows after a form's 303 brought the browser back. */
function savedStatus(query: URLSearchParams): SectionStatuses {
  const section = query.get('saved');
  return section ? { [section]: { text: 'Saved' } } : {};
}

async function serveAsset(context: RouteContext): Promise<void> {
  const file = basename(context.params.file ?? '');
  const type = CONTENT_TYPES[extname(file)];
  if (!type) return sendHtml(context.res, 404, 'Not found');
  try {
    const content = await readFile(`${PUBLIC_DIR}${file}`);
    context.res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    context.res.end(content);
  } catch {
    sendHtml(context.res, 404, 'Not found');
  }
}

function buildRouter(deps: SaveDeps) {
  const { store } = deps;
  const router = createRouter();
  const ws = (context: RouteContext): string => context.params.workspace ?? '';
  /** Every page renders from the workspace's stored values, plus a "Saved" line after a form's 303. */
  type PageRenderer = (workspace: string, settings: WorkspaceSettings, statuses: SectionStatuses) => string;
  const page = (render: PageRenderer) => (context: RouteContext) =>
    sendHtml(context.res, 200, render(ws(context), store.raw(ws(context)), savedStatus(context.query)));
  /** A classic form route: 303 to `back` on success, the page redrawn with the failure otherwise. */
  const formPost = (render: PageRenderer, back: string) => (context: RouteContext) =>
    handleFormSave(context, deps, {
      redirectTo: `/${ws(context)}/${back}${back.includes('?') ? '&' : '?'}saved=${context.params.section}`,
      renderPage: (statuses) => render(ws(context), store.raw(ws(context)), statuses),
    });

  router.add(['GET'], '/', ({ res }) => redirect(res, '/acme/settings', 302));
  router.add(['GET'], '/favicon.ico', ({ res }) => sendEmpty(res, 204));
  router.add(['GET'], '/about', ({ res }) => sendHtml(res, 200, renderAboutPage()));
  router.add(['GET'], '/assets/:file', serveAsset);

  router.add(['GET'], '/_test/saves', (context) => handleSaves(context, deps));
  router.add(['GET'], '/_test/settings/:workspace', (context) => handleTestSettings(context, deps));
  router.add(['POST'], '/_test/reject-next', (context) => handleRejectNext(context, deps));
  router.add(['POST'], '/_test/delay', (context) => handleDelay(context, deps));
  router.add(['POST'], '/_test/lock-fields', (context) => handleLockFields(context, deps));
  router.add(['POST'], '/_test/reset', (context) => handleReset(context, deps));

  const analytics = async ({ req, res }: RouteContext) => {
    await readParsedBody(req);
    sendEmpty(res, 204);
  };
  let botActions = 0;
  router.add(['POST'], '/api/workspaces/:workspace/bots/:bot/:action', async ({ req, res, params }) => {
    await readParsedBody(req);
    botActions += 1;
    sendJson(res, 200, { ok: true, action: params.action, count: botActions });
  });
  router.add(['POST'], '/analytics/collect', analytics);
  router.add(['POST'], '/analytics/track', analytics);

  router.add(['GET'], '/api/workspaces/:workspace/settings', (context) =>
    sendJson(context.res, 200, store.publicAll(ws(context))),
  );
  router.add(['GET'], '/api/workspaces/:workspace/settings/:section', (context) => {
    const values = store.publicSection(ws(context), context.params.section ?? '');
    if (values) return sendJson(context.res, 200, values);
    sendJson(context.res, 404, { ok: false, error: `Unknown settings section "${context.params.section}"` });
  });
  router.add(SAVE_METHODS, '/api/workspaces/:workspace/settings/:section', (context) =>
    handleApiSave(context, deps),
  );
  router.add(['DELETE'], '/api/workspaces/:workspace/settings/:section/items/:itemId', (context) =>
    handleItemDelete(context, deps),
  );

  router.add(['GET'], '/:workspace/settings', page(renderSettingsPage));
  router.add(['POST'], '/:workspace/settings/:section', formPost(renderSettingsPage, 'settings'));
  router.add(['GET'], '/:workspace/app-settings', page(renderAppSettingsPage));
  router.add(['GET'], '/:workspace/lab/fetch-kinds', page(renderFetchKindsPage));
  router.add(['GET'], '/:workspace/lab/forge', page(renderForgePage));
  router.add(['GET'], '/:workspace/lab/forms', page(renderFormsPage));
  router.add(['GET'], '/:workspace/lab/large', page(renderLargePage));
  router.add(['GET'], '/:workspace/lab/offline-app/', page(renderOfflineAppPage));
  router.add(['GET'], '/:workspace/lab/offline-app/sw.js', ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(OFFLINE_APP_WORKER);
  });
  router.add(['POST'], '/:workspace/lab/forms/:section', formPost(renderFormsPage, 'lab/forms'));
  router.add(
    ['POST'],
    '/:workspace/lab/forms-alt/:section',
    formPost(renderFormsPage, 'lab/forms?via=formaction'),
  );
  return router;
}

/** Starts the demo dashboard on 127.0.0.1 (`port: 0` picks a free port); each instance has its own state. */
export async function startDemoServer({ port }: { port: number }): Promise<DemoServer> {
  const deps: SaveDeps = { store: createSettingsStore(), controls: createTestControls() };
  const router = buildRouter(deps);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const method = req.method ?? 'GET';
    const match = router.match(method === 'HEAD' ? 'GET' : method, url.pathname);
    if (match.found === 'none') {
      req.resume();
      return sendHtml(
        res,
        404,
        `<!doctype html><title>Not found</title><p>No page at ${escapeHtml(url.pathname)}</p>`,
      );
    }
    if (match.found === 'wrong-method') {
      req.resume();
      res.writeHead(405, { allow: [...new Set(match.allow)].join(', ') });
      return void res.end();
    }
    const context: RouteContext = {
      req,
      res,
      params: match.params,
      query: url.searchParams,
      path: url.pathname,
    };
    Promise.resolve(match.handler(context)).catch((error: unknown) => {
      console.error('demo server error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'Internal error' });
      else res.end();
    });
  });
  // Browsers keep connections open; without this, close() would wait for them to time out.
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actualPort}`, close };
}
