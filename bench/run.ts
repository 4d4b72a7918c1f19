/**
 * `npm run bench`: Savepoint's cost on a dashboard and its own speed, each figure against a baseline measured in
 * the same run. Builds the test extension once, starts the demo dashboard and a local Convex on ports of its own,
 * prints one table and writes bench/results.json. Not part of `npm test`: nothing here asserts a timing.
 */
import { startDemoServer } from '../demo/server';
import { startLocalConvex } from '../tests/support/convex-local-server';
import { failedRow, type BenchRow } from './bench-row';
import { buildExtension } from './build-extension';
import { configureExtension } from './configure-extension';
import { extensionWorker, launchChromium, type BenchBrowser } from './launch-chromium';
import { measureBodyBytes } from './measure-body-bytes';
import { measureBundleSize } from './measure-bundle-size';
import { timeBareMutations } from './measure-convex-baseline';
import { measureHistoryReads } from './measure-history-reads';
import { measureIdenticalSaves } from './measure-identical-saves';
import { measurePageLoad, measureUnwatchedPage } from './measure-page-load';
import { measurePopupOpen } from './measure-popup-open';
import { BOT_NAMES_API, measureSaveRoundTrip } from './measure-save-round-trip';
import { durableRow, syncedRow, timeSaves } from './measure-save-to-backup';
import { formatTable } from './print-table';
import { writeResults } from './write-results';

/** (ports) away from the e2e tests' 4410/3220/3221, which may be running at the same time. */
const DEMO_PORT = 4500;
const CONVEX_PORT = 3300;
const CONVEX_CONTROL_PORT = 3301;

const rows: BenchRow[] = [];
const started = performance.now();

/** Runs one measurement; a failure becomes an `error:` row so the table still has every figure. */
async function step(figure: string, target: string, measure: () => Promise<BenchRow | BenchRow[]>) {
  const at = performance.now();
  try {
    rows.push(...[await measure()].flat());
  } catch (error) {
    console.error(`bench: ${figure} failed:`, error);
    rows.push(failedRow(figure, target, error));
  }
  console.info(`bench: ${figure} (${((performance.now() - at) / 1000).toFixed(1)} s)`);
}

buildExtension();
const demo = await startDemoServer({ port: DEMO_PORT });
const convex = await startLocalConvex({ port: CONVEX_PORT, controlPort: CONVEX_CONTROL_PORT });
const browsers: BenchBrowser[] = [];
const machine = { chromium: 'unknown' };
try {
  const extended = await launchChromium(true);
  browsers.push(extended);
  const bare = await launchChromium(false);
  browsers.push(bare);
  const worker = await extensionWorker(extended.context);
  const contentScripts = await configureExtension(worker, {
    convexUrl: convex.url,
    accessKey: convex.acmeKey,
  });
  const probe = await bare.context.newPage();
  const cdp = await bare.context.newCDPSession(probe);
  machine.chromium = ((await cdp.send('Browser.getVersion')) as { product: string }).product;
  await probe.close();

  const watchedUrl = `${demo.url}/acme/settings`;
  const current = (await (await fetch(`${demo.url}${BOT_NAMES_API}`)).json()) as Record<string, string>;
  const saveBody = {
    primaryName: current.primaryName ?? 'Robo',
    fallbackName: current.fallbackName ?? 'Backup',
    greetingStyle: current.greetingStyle ?? 'friendly',
  };

  await step('1. page load', '≤ 1.02×', () => measurePageLoad(extended.context, bare.context, watchedUrl));
  await step('2. unwatched page', '0', () =>
    measureUnwatchedPage(extended.context, bare.context, `${demo.url}/about`, watchedUrl),
  );
  await step('3. save round trip', '≤ 1.01× or ≤ 0.2 ms added', () =>
    measureSaveRoundTrip(extended.context, bare.context, watchedUrl, saveBody),
  );
  await step('4–5. save → local backup → Convex', 'p95 ≤ 50 ms / p95 ≤ 200 ms', async () => {
    const timings = await timeSaves(extended.context, worker, watchedUrl);
    const bareMutations = await timeBareMutations(convex.url, convex.acmeKey);
    return [durableRow(timings), syncedRow(timings, bareMutations)];
  });
  await step('7. bundle sizes', '≤ 12 KB', async () => measureBundleSize(contentScripts));
  await step('9. identical saves', '1 body', () =>
    measureIdenticalSaves(
      extended.context,
      worker,
      watchedUrl,
      { ...saveBody, primaryName: 'Same bot' },
      async () => {
        await fetch(`${convex.controlUrl}/control/reset`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${convex.controlToken}` },
        });
      },
    ),
  );
} finally {
  for (const browser of browsers) await browser.close().catch((error: unknown) => console.error(error));
  await demo.close();
  await convex.close();
}
await step('6. popup history', '≤ 1.5× and ≤ 100 ms', measurePopupOpen);
await step('8. history reads', 'equal', measureHistoryReads);
await step('9. body bytes', '—', measureBodyBytes);

const order = (row: BenchRow) => Number.parseInt(row.figure, 10) || 99;
rows.sort((a, b) => order(a) - order(b));
console.info(formatTable(rows));
await writeResults(rows, machine.chromium);
console.info(
  `bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote bench/results.json`,
);
