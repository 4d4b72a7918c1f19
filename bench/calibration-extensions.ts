import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Extensions that are not Savepoint, to tell Chromium's own cost from Savepoint's code: one with nothing in it
 * (what any loaded extension costs a page), one that registers exactly Savepoint's `webRequest` listeners (same
 * events, filters and `requestBody` option, lib/background/listen-to-requests.ts) with bodies that do nothing, and
 * one whose only content is a MAIN-world script at `document_start` on the demo's host, as the bridge is, that does
 * nothing (what injecting any such script costs a page).
 */
export const CALIBRATIONS = [
  { name: 'an empty extension (not Savepoint)', dir: path.resolve('.output/bench-empty-extension') },
  {
    name: "Savepoint's webRequest listeners doing nothing (not Savepoint)",
    dir: path.resolve('.output/bench-idle-listeners'),
  },
  {
    name: 'a MAIN-world document_start script doing nothing (not Savepoint)',
    dir: path.resolve('.output/bench-idle-main-script'),
  },
] as const;

const IDLE_LISTENERS = `const nothing = () => undefined;
const navigations = { urls: ['<all_urls>'], types: ['main_frame'] };
const requests = { urls: ['<all_urls>'], types: ['xmlhttprequest'] };
chrome.webRequest.onBeforeRedirect.addListener(nothing, navigations);
chrome.webRequest.onCompleted.addListener(nothing, navigations);
chrome.webRequest.onErrorOccurred.addListener(nothing, navigations);
chrome.webRequest.onBeforeRequest.addListener(nothing, requests, ['requestBody']);
chrome.webRequest.onHeadersReceived.addListener(nothing, requests);
`;

function write(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

/** Writes the calibration extensions. */
export function writeCalibrationExtensions(): void {
  const [empty, idle, mainScript] = CALIBRATIONS;
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
}
