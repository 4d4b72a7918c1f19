/**
 * `npm start`: builds the extension, serves the demo dashboard and the local Convex (in memory), and opens Chromium
 * with Savepoint loaded and already configured for the demo. Without a display it says how to load it by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startDemoServer } from '../demo/server';
import { startLocalConvex } from '../tests/support/convex-local-server';
import { findChromium } from '../tests/support/find-chromium';

const DEMO_PORT = Number(process.env.DEMO_PORT ?? 4400);
const CONVEX_PORT = Number(process.env.CONVEX_LOCAL_PORT ?? 3210);
const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

function chromiumOrProblem(): { path: string } | { problem: string } {
  try {
    return findChromium();
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const demo = await startDemoServer({ port: DEMO_PORT });
const convex = await startLocalConvex({ port: CONVEX_PORT, controlPort: CONVEX_PORT + 1 });
const dashboardUrl = `${demo.url}/acme/settings`;

console.info(`
Demo dashboard:  ${dashboardUrl}
Local Convex:    ${convex.url}   (convex-test over the functions in convex/; state is in memory, lost on exit)
Access key:      ${convex.acmeKey}   (workspace "acme", admin)
Extension:       ${EXTENSION_DIR}
`);

const browser = chromiumOrProblem();
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.info(`No display found, so no browser was opened. To try Savepoint by hand:
  1. Open chrome://extensions in Chromium or Chrome, turn on "Developer mode", click "Load unpacked" and pick
     ${EXTENSION_DIR}
  2. In Savepoint's options: Convex URL ${convex.url}, Access key ${convex.acmeKey},
     Dashboard URL pattern http://127.0.0.1:*/:workspace/settings*  then "Add".
  3. Open ${dashboardUrl}, change a setting, click Save, and open Savepoint's popup.
Press Ctrl+C to stop.`);
} else if ('problem' in browser) {
  console.info(`${browser.problem} Or load ${EXTENSION_DIR} by hand.`);
} else {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(path.join(tmpdir(), 'savepoint-demo-')),
    {
      executablePath: browser.path,
      headless: false,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-first-run',
      ],
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The production build asks for host permissions from a click; the demo profile pre-configures the rest.
  await worker.evaluate(
    async ({ convexUrl, accessKey }) => {
      await chrome.storage.local.set({
        settings: { convexUrl, accessKey, retentionPerSection: 200, locked: [] },
        watchedDashboards: [
          {
            id: 'demo',
            pattern: 'http://127.0.0.1:*/:workspace/settings*',
            extraLeftOut: [],
            managed: false,
          },
        ],
      });
    },
    { convexUrl: convex.url, accessKey: convex.acmeKey },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  console.info(
    'Chromium is open on the options page. Grant the dashboard permission from there ("Add"). Ctrl+C stops.',
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([demo.close(), convex.close()]).then(() => process.exit(0));
  });
}
