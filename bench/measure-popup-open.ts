import type { BrowserContext, Worker } from '@playwright/test';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../tests/support/chromium-args';
import { met, ms, ratioText, type BenchRow } from './bench-row';
import { extensionWorker } from './launch-chromium';
import { seedJournal } from './seed-journal';
import { median } from './stats';

/** Popup opens timed per journal size, after one warm-up open. */
const OPENS = 7;
const SIZES = [10, 1_000, 10_000] as const;
/** The release build users install (`wxt build`), which the popup figure is about. */
const RELEASE_DIR = path.resolve('.output/chrome-mv3');
/** (ms) the popup may take at 10,000 backups. */
const TARGET = 100;

/** (ms) of one cold popup page from `page.goto(popup)` until its first history entry is visible. */
interface PopupOpen {
  /** Measured from Node around `goto` and Playwright's visibility wait. */
  wall: number;
  /** Measured in the page: navigation start until the first entry is in the DOM. */
  inPage: number;
  /** Measured in the page: navigation start until the popup's scripts have run (DOMContentLoaded). */
  scripts: number;
}

async function openOnce(context: BrowserContext, popupUrl: string): Promise<PopupOpen> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(() => {
    const state = window as unknown as { benchFirstEntry?: number };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="listitem"]')) return;
      state.benchFirstEntry = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const start = performance.now();
  await page.goto(popupUrl, { waitUntil: 'commit' });
  await page.getByRole('listitem').first().waitFor({ state: 'visible', timeout: 30_000 });
  const wall = performance.now() - start;
  const { inPage, scripts } = await page.evaluate(() => ({
    inPage: (window as unknown as { benchFirstEntry?: number }).benchFirstEntry ?? Number.NaN,
    scripts:
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.domContentLoadedEventStart ?? Number.NaN,
  }));
  await page.close();
  return { wall, inPage, scripts };
}

/** Median popup open per journal size, in a Chromium that has `extensionDir` loaded. */
async function timeOpens(extensionDir: string): Promise<Map<number, PopupOpen>> {
  const profile = mkdtempSync(path.join(tmpdir(), 'savepoint-bench-popup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker: Worker = await extensionWorker(context);
    const popupUrl = `chrome-extension://${new URL(worker.url()).host}/popup.html`;
    const medians = new Map<number, PopupOpen>();
    for (const size of SIZES) {
      await seedJournal(worker, size);
      await openOnce(context, popupUrl);
      const samples: PopupOpen[] = [];
      for (let i = 0; i < OPENS; i += 1) samples.push(await openOnce(context, popupUrl));
      medians.set(size, {
        wall: median(samples.map((s) => s.wall)),
        inPage: median(samples.map((s) => s.inPage)),
        scripts: median(samples.map((s) => s.scripts)),
      });
    }
    return medians;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Row 6: the release build's popup history at 1,000 and 10,000 backups against 10, in a Chromium of its own (the
 * release build is granted no host, so the popup shows the journal's workspace rather than a tab's).
 */
export async function measurePopupOpen(): Promise<BenchRow[]> {
  // vite-node (which runs the bench) sets NODE_ENV=development, and a build that inherits it ships React's
  // development build whatever its mode.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const medians = await timeOpens(RELEASE_DIR);
  const none = { wall: Number.NaN, inPage: Number.NaN, scripts: Number.NaN };
  const small = medians.get(10) ?? none;
  const text = (open: PopupOpen) =>
    `${ms(open.wall)} (in page ${ms(open.inPage)}, scripts run by ${ms(open.scripts)})`;
  return [1_000, 10_000].map((size) => {
    const open = medians.get(size) ?? none;
    const large = size === 10_000;
    return {
      figure: `6. popup open → first history entry (release build), ${size.toLocaleString('en')} backups, median of ${OPENS}`,
      value: text(open),
      baseline: `${text(small)} at 10 backups`,
      ratio: ratioText(open.wall, small.wall),
      target: large ? `≤ 1.5× and ≤ ${TARGET} ms` : '≤ 1.5×',
      met: met(open.wall <= small.wall * 1.5 && (!large || open.wall <= TARGET)),
    };
  });
}
