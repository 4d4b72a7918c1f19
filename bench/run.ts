/**
 * `npm run bench`: Savepoint's cost on a dashboard and its own speed, each figure against a baseline measured in
 * the same run. Builds the release once (loaded with the demo's host granted, see build-extension.ts), starts the
 * demo dashboard and a local Convex on ports of its own, prints one table and writes bench/results.json. Not part
 * of `npm test`: nothing here asserts a timing.
 */
import { startDemoServer } from '../demo/server';
import { startLocalConvex } from '../tests/support/convex-local-server';
import { failedRow, type BenchRow } from './bench-row';
import { buildExtension } from './build-extension';
import { CALIBRATIONS, INJECTING_CALIBRATION } from './calibration-extensions';
import { afterAttachWindow, BREAKDOWN, checkVariant, launchVariant, type Variant } from './bench-variants';
import { extensionWorker, launchChromium, type BenchBrowser } from './launch-chromium';
import { measureBodyBytes } from './measure-body-bytes';
import { measureBundleSize } from './measure-bundle-size';
import { measureConvexBodyBytes } from './measure-convex-body-bytes';
import { timeBareMutations } from './measure-convex-baseline';
import { measureHistoryReads } from './measure-history-reads';
import { measureIdenticalSaves } from './measure-identical-saves';
import { measureRetentionReads } from './measure-retention-reads';
import { measurePageLoad, measureUnwatchedPage, type Timed } from './measure-page-load';
import { measurePopupOpen } from './measure-popup-open';
import { BOT_NAMES_API, measureSaveRoundTrip } from './measure-save-round-trip';
import { durableRow, LARGE_SECTION, largeSectionRow, syncedRow, timeSaves } from './measure-save-to-backup';
import { clearJournal } from './journal-probe';
import { seedJournal } from './seed-journal';
import { formatTable } from './print-table';
import { traceBreakdown } from './trace-breakdown';
import { writeResults } from './write-results';

/** (ports) away from the e2e tests' 4410/3220/3221, which may be running at the same time. */
const DEMO_PORT = 4500;
const CONVEX_PORT = 3300;
const CONVEX_CONTROL_PORT = 3301;

const rows: BenchRow[] = [];
/** Timed saves into the section seeded with `LARGE_SECTION` backups. */
const LARGE_SECTION_SAVES = 30;

/** How many pages the injecting calibration gave its script (its worker may have stopped and started since). */
async function injectionsBy(browser: BenchBrowser): Promise<number> {
  const worker = await extensionWorker(browser.context);
  return worker.evaluate(
    async () => ((await chrome.storage.session.get('injected')).injected as number) ?? 0,
  );
}
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
  const setup = { convexUrl: convex.url, accessKey: convex.acmeKey };
  const launchedAt = Date.now();
  const all = await launchVariant('all of Savepoint', ['bridge', 'capture', 'ledger'], setup);
  browsers.push(all.browser);
  const extended = all.browser;
  const bare = await launchChromium(null);
  browsers.push(bare);
  const breakdown: Variant[] = [];
  for (const { name, parts } of BREAKDOWN) {
    const variant = await launchVariant(name, parts, setup);
    browsers.push(variant.browser);
    breakdown.push(variant);
  }
  const calibrations: Timed[] = [];
  let injecting: BenchBrowser | null = null;
  for (const { name, dir } of CALIBRATIONS) {
    const browser = await launchChromium(dir);
    browsers.push(browser);
    calibrations.push({ name, context: browser.context });
    if (dir === INJECTING_CALIBRATION.dir) injecting = browser;
  }
  const worker = all.worker;
  const contentScripts = all.scripts;
  const timed: [Timed, Timed, ...Timed[]] = [
    all,
    { name: 'no extension', context: bare.context },
    ...breakdown,
    ...calibrations,
  ];
  const checked = async (rows: BenchRow[]) => {
    // A breakdown row counts only if its variant still had just its parts when it was measured.
    for (const variant of breakdown) await checkVariant(variant);
    // And the calibration that gives pages a script after their load must have given it.
    if (!injecting || !(await injectionsBy(injecting)))
      throw new Error(`${INJECTING_CALIBRATION.name}: gave no page its script`);
    return rows;
  };
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

  await step('7. bundle sizes', 'budgets', async () => measureBundleSize(contentScripts));
  await step('4–5. save → local backup → Convex', 'p95 ≤ 50 ms / p95 ≤ 200 ms', async () => {
    // The large section first, while the worker has counted no section (as after it starts): the bench writes
    // the journal behind the worker's back, and the worker keeps the sizes it counted.
    await seedJournal(worker, LARGE_SECTION);
    const large = await timeSaves(extended.context, worker, watchedUrl, LARGE_SECTION_SAVES);
    await clearJournal(worker);
    const timings = await timeSaves(extended.context, worker, watchedUrl);
    const bareMutations = await timeBareMutations(convex.url, convex.acmeKey);
    return [durableRow(timings), syncedRow(timings, bareMutations), largeSectionRow(large, timings)];
  });
  // The rows on the page's path measure the steady state, not the minute after an install.
  await afterAttachWindow(launchedAt);
  await step('1. page load', '≤ 1.02×', async () => checked(await measurePageLoad(timed, watchedUrl)));
  await step('2. unwatched page', '0', () =>
    measureUnwatchedPage(extended.context, bare.context, `${demo.url}/about`, watchedUrl),
  );
  await step('3. save round trip', '≤ 1.01× or ≤ 0.2 ms added', () =>
    measureSaveRoundTrip(timed, watchedUrl, saveBody).then(checked),
  );
  await step('10. where the CPU goes', '—', () => traceBreakdown(timed, watchedUrl, saveBody).then(checked));
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
await step('8. retention reads', '≤ 3', measureRetentionReads);
await step('9. body bytes', '≤ 3×', measureBodyBytes);
await step('9. Convex body bytes', '≤ 3×', measureConvexBodyBytes);

const order = (row: BenchRow) => Number.parseInt(row.figure, 10) || 99;
rows.sort((a, b) => order(a) - order(b));
console.info(formatTable(rows));
await writeResults(rows, machine.chromium);
console.info(
  `bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote bench/results.json`,
);
