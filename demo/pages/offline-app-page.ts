import { escapeHtml } from './html';
import { PRODUCT_NAME } from './layout';

/**
 * An installable-app style settings page: a service worker serves its document after the first visit (as many
 * PWAs' do, from the network through the worker or from a cache); like a single-page app it reads its values from
 * the API, and its Bot names card saves with fetch PATCH.
 */
export function renderOfflineAppPage(workspace: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Offline app · ${PRODUCT_NAME}</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body data-workspace="${escapeHtml(workspace)}">
<main>
  <h1>Offline app</h1>
  <p id="served-by">${PRODUCT_NAME}, served by its service worker after the first visit.</p>
  <section class="card" id="bot-names" aria-labelledby="bot-names-title">
    <div class="card-header"><h2 id="bot-names-title">Bot names</h2></div>
    <form class="card-body" id="bot-names-form">
      <label for="offline-primaryName">Primary bot name</label>
      <input id="offline-primaryName" name="primaryName" value="">
      <button type="submit">Save bot names</button>
      <p class="save-status" id="bot-names-status" role="status" aria-live="polite"></p>
    </form>
  </section>
</main>
<script>
  navigator.serviceWorker.register('sw.js');
  const api = '/api/workspaces/${encodeURIComponent(workspace)}/settings/bot-names';
  // Like a single-page app, the page asks the API for its values once it runs.
  fetch(api).then((response) => response.json()).then((values) => {
    document.getElementById('offline-primaryName').value = values.primaryName ?? '';
  });
  document.getElementById('bot-names-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('bot-names-status');
    const primaryName = document.getElementById('offline-primaryName').value;
    const response = await fetch(api, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ primaryName }),
    });
    status.textContent = response.ok ? 'Saved' : 'Save failed (' + response.status + ')';
  });
</script>
</body>
</html>`;
}

/** The page's service worker: it answers every navigation in its scope itself; other requests go to the network. */
export const OFFLINE_APP_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') return;
  event.respondWith(
    fetch(event.request).then(
      (response) => new Response(response.body, { status: response.status, headers: response.headers }),
    ),
  );
});
`;
