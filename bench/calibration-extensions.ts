import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Extensions that are not Savepoint, to tell Chromium's own cost from Savepoint's code: one with nothing in it
 * (what any loaded extension costs a page), one that registers exactly Savepoint's `webRequest` listeners (same
 * events, filters and `requestBody` option, lib/background/listen-to-requests.ts) with bodies that do nothing, the
 * same listeners plus a script that does nothing given to each page once it has loaded, as Savepoint gives its
 * capture agent (Chromium then creates the extension's isolated world again early in each later document of that
 * tab, during its load), one whose only content is a MAIN-world script at `document_start` on the demo's host,
 * as the bridge is, that does nothing (what injecting any such script costs a page), and one that holds the
 * `webRequest` permission and the demo's host but registers no listener at all (what Chromium charges the requests
 * of a page an extension could observe, before any listener).
 */
export const CALIBRATIONS = [
  { name: 'an empty extension (not Savepoint)', dir: path.resolve('.output/bench-empty-extension') },
  {
    name: "Savepoint's webRequest listeners doing nothing (not Savepoint)",
    dir: path.resolve('.output/bench-idle-listeners'),
  },
  {
    name: 'those listeners + a script doing nothing given after each load (not Savepoint)',
    dir: path.resolve('.output/bench-idle-injection'),
  },
  {
    name: 'a MAIN-world document_start script doing nothing (not Savepoint)',
    dir: path.resolve('.output/bench-idle-main-script'),
  },
  {
    name: 'the webRequest permission with no listener (not Savepoint)',
    dir: path.resolve('.output/bench-webrequest-permission'),
  },
] as const;

/** The calibration that gives each page a script after its load (it counts them in `storage.session`). */
export const INJECTING_CALIBRATION = CALIBRATIONS[2];

const IDLE_LISTENERS = `const nothing = () => undefined;
const navigations = { urls: ['<all_urls>'], types: ['main_frame'] };
const requests = { urls: ['<all_urls>'], types: ['xmlhttprequest'] };
chrome.webRequest.onBeforeRequest.addListener(nothing, navigations, ['requestBody']);
chrome.webRequest.onBeforeRedirect.addListener(nothing, navigations);
chrome.webRequest.onCompleted.addListener(nothing, navigations);
chrome.webRequest.onErrorOccurred.addListener(nothing, navigations);
chrome.webRequest.onBeforeRequest.addListener(nothing, requests, ['requestBody']);
chrome.webRequest.onHeadersReceived.addListener(nothing, requests);
`;

/**
 * The same listeners, and a script that does nothing given to each page of the demo's host after its load, the way
 * lib/background/create-agent-attacher.ts gives the capture agent: told of the document by `webRequest`, it waits
 * for the tab's load (or finds it loaded) and injects into the top frame. It counts the injections in
 * `storage.session` (which outlives a stopped worker), so the bench can check that they happened.
 */
const IDLE_INJECTION = `${IDLE_LISTENERS}
const inject = (tabId) =>
  chrome.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: ['nothing.js'] })
    .then(() => chrome.storage.session.get('injected'))
    .then(({ injected = 0 }) => chrome.storage.session.set({ injected: injected + 1 }), nothing);
chrome.webRequest.onCompleted.addListener(({ tabId }) => {
  if (tabId < 0) return;
  const onUpdated = (id, change) => {
    if (id !== tabId || change.status !== 'complete') return;
    chrome.tabs.onUpdated.removeListener(onUpdated);
    inject(tabId);
  };
  chrome.tabs.onUpdated.addListener(onUpdated);
  chrome.tabs.get(tabId).then((tab) => {
    if (tab.status !== 'complete' || !chrome.tabs.onUpdated.hasListener(onUpdated)) return;
    chrome.tabs.onUpdated.removeListener(onUpdated);
    inject(tabId);
  }, nothing);
}, navigations);
`;

function write(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

/** Writes the calibration extensions. */
export function writeCalibrationExtensions(): void {
  const [empty, idle, injection, mainScript, permission] = CALIBRATIONS;
  const manifest = { manifest_version: 3, version: '1.0' };
  write(empty.dir, { 'manifest.json': JSON.stringify({ ...manifest, name: 'bench: empty' }) });
  write(idle.dir, {
    'manifest.json': JSON.stringify({
      ...manifest,
      name: 'bench: idle webRequest listeners',
      permissions: ['webRequest'],
      host_permissions: ['http://127.0.0.1/*'],
      background: { service_worker: 'background.js' },
    }),
    'background.js': IDLE_LISTENERS,
  });
  write(injection.dir, {
    'manifest.json': JSON.stringify({
      ...manifest,
      name: 'bench: idle webRequest listeners and an idle script after each load',
      permissions: ['webRequest', 'scripting', 'storage'],
      host_permissions: ['http://127.0.0.1/*'],
      background: { service_worker: 'background.js' },
    }),
    'background.js': IDLE_INJECTION,
    'nothing.js': '// does nothing\n',
  });
  write(mainScript.dir, {
    'manifest.json': JSON.stringify({
      ...manifest,
      name: 'bench: idle MAIN-world script',
      content_scripts: [
        { matches: ['http://127.0.0.1/*'], js: ['main.js'], run_at: 'document_start', world: 'MAIN' },
      ],
    }),
    'main.js': '// does nothing\n',
  });
  write(permission.dir, {
    'manifest.json': JSON.stringify({
      ...manifest,
      name: 'bench: webRequest permission, no listener',
      permissions: ['webRequest'],
      host_permissions: ['http://127.0.0.1/*'],
      background: { service_worker: 'background.js' },
    }),
    'background.js': '// registers no listener\n',
  });
}
