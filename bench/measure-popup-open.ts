import { chromium, type BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs } from '../tests/support/chromium-args';
import { findChromium } from '../tests/support/find-chromium';
import { bytes, met, ms, ratioText, type BenchRow } from './bench-row';
import { extensionWorker } from './launch-chromium';
import { POPUP_CALIBRATION_PAGES, popupLaterFiles, writePopupCalibration } from './popup-calibration-pages';
import { seedJournal } from './seed-journal';
import { median, medianInterval, pairedDifferences } from './stats';

/** Popup opens timed per journal size and build, after one warm-up open each. */
const OPENS = 7;
/**
 * Opens at 10,000 backups, where the popup is compared with the pages that are not Savepoint's: paired by round,
 * the rounds' order turning, since single opens here vary by ±30 ms and the first page of a round differs.
 */
const OPENS_LARGE = 25;
const SIZES = [10, 1_000, 10_000] as const;
const opensAt = (size: number) => (size === 10_000 ? OPENS_LARGE : OPENS);
/** The release build users install (`wxt build`), which the popup figure is about. */
const RELEASE_DIR = path.resolve('.output/chrome-mv3');
/** A copy of the release build with the calibration pages (bench/popup-calibration-pages.ts) beside the popup. */
const CALIBRATED_DIR = path.resolve('.output/chrome-mv3-bench-popup');
/** The same release build on Preact's React compatibility layer (wxt.config.ts, SAVEPOINT_POPUP_STACK). */
const PREACT_DIR = path.resolve('.output/chrome-mv3-preact');
/** (ms) the popup may take at 10,000 backups. */
const TARGET = 100;

/** (ms) of one cold popup page from `page.goto(popup)` until its first history entry is visible. */
interface PopupOpen {
  /** Measured from Node around `goto` and Playwright's visibility wait. */
  wall: number;
  /** Measured in the page: navigation start until the first entry is in the DOM. */
  inPage: number;
  /**
   * Measured in the page: navigation start until the first entry was painted (Element Timing: the bench marks the
   * entry with `elementtiming` when it is inserted, before it is painted).
   */
  painted: number;
  /** Measured in the page: navigation start until the popup's scripts have run (DOMContentLoaded). */
  scripts: number;
  /**
   * Measured in the page: navigation start until the React popup replaced the first screen, its buttons working
   * (NaN for pages without a first screen).
   */
  interactive: number;
}

/** The element the popup paints its first screen in; removed when the React popup takes over. */
const FIRST_SCREEN = '#first-screen';

/** Opens `url` in a new 400×600 tab and times it until `selector` is visible (and the popup is interactive). */
async function openOnce(context: BrowserContext, url: string, selector: string): Promise<PopupOpen> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(
    ({ wanted, cover }) => {
      const state = window as unknown as { benchFirstEntry?: number; benchInteractive?: number };
      const observer = new MutationObserver(() => {
        const entry = document.querySelector(wanted);
        if (!entry) return;
        state.benchFirstEntry = performance.now();
        // Text is timed on the element that holds it: mark them all.
        for (const element of [entry, ...entry.querySelectorAll('*')])
          element.setAttribute('elementtiming', 'bench-first-entry');
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
      const handOver = new MutationObserver(() => {
        if (document.readyState === 'loading' || document.querySelector(cover)) return;
        state.benchInteractive = performance.now();
        handOver.disconnect();
      });
      handOver.observe(document, { childList: true, subtree: true });
    },
    { wanted: selector, cover: FIRST_SCREEN },
  );
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
  const wall = performance.now() - start;
  const popup = new URL(url).pathname === '/popup.html';
  if (popup) await page.locator(FIRST_SCREEN).waitFor({ state: 'detached', timeout: 30_000 });
  const { inPage, painted, scripts, interactive } = await page.evaluate(
    async (popupPage) => ({
      inPage: (window as unknown as { benchFirstEntry?: number }).benchFirstEntry ?? Number.NaN,
      interactive: popupPage
        ? ((window as unknown as { benchInteractive?: number }).benchInteractive ?? Number.NaN)
        : Number.NaN,
      // Element Timing entries reach only an observer (buffered: the ones painted before it too).
      painted: await new Promise<number>((resolve) => {
        setTimeout(() => resolve(Number.NaN), 500);
        new PerformanceObserver((list) => {
          const times = list
            .getEntries()
            .filter(
              (entry) =>
                (entry as PerformanceEntry & { identifier: string }).identifier === 'bench-first-entry',
            )
            .map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime);
          if (times.length > 0) resolve(Math.min(...times));
        }).observe({ type: 'element', buffered: true });
      }),
      scripts:
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
          ?.domContentLoadedEventStart ?? Number.NaN,
    }),
    popup,
  );
  await page.close();
  return { wall, inPage, painted, scripts, interactive };
}

function medianOpen(samples: PopupOpen[]): PopupOpen {
  return {
    wall: median(samples.map((s) => s.wall)),
    inPage: median(samples.map((s) => s.inPage)),
    painted: median(samples.map((s) => s.painted)),
    scripts: median(samples.map((s) => s.scripts)),
    interactive: median(samples.map((s) => s.interactive)),
  };
}

/** Builds the release extension, on React or (the comparison) on Preact/compat. */
function build(stack: 'react' | 'preact'): void {
  // vite-node (which runs the bench) sets NODE_ENV=development, and a build that inherits it ships React's
  // development build whatever its mode.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', SAVEPOINT_POPUP_STACK: stack },
  });
}

/** (bytes) gzipped of the scripts popup.html loads after its first paint (the React popup and its chunks). */
function popupBytes(dir: string): number {
  let total = 0;
  for (const file of popupLaterFiles(dir))
    total += gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).byteLength;
  return total;
}

/** What each turn opens: the popup on React and on Preact, and the pages that are not Savepoint's popup. */
const TURNS = ['react', 'preact', 'floor', 'plain', 'scriptsLoaded'] as const;
type Turn = (typeof TURNS)[number];

interface Browser {
  context: BrowserContext;
  seed: (count: number) => Promise<void>;
  url: (file: string) => string;
  close: () => Promise<void>;
}

async function launch(extensionDir: string): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'savepoint-bench-popup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium().path,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  const worker = await extensionWorker(context);
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    context,
    seed: (count) => seedJournal(worker, count),
    url: (file) => `${origin}/${file}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Row 6: the release build's popup history at 1,000 and 10,000 backups against 10, each in a Chromium of its own
 * (the release build is granted no host, so the popup shows the journal's workspace rather than a tab's). In the
 * same run, taking turns open by open: the same popup on Preact/compat, the floor any extension page pays (the
 * extension's manifest.json, no script at all), and what any popup showing this history pays: a plain page of the
 * same extension listing the newest 30 backups of the same journal, alone and with the popup's own script files
 * loaded but not run. The popup's time beyond the plain page is Savepoint's code: loading its scripts, then
 * running them to the first entry.
 */
export async function measurePopupOpen(): Promise<BenchRow[]> {
  build('preact');
  build('react');
  writePopupCalibration(RELEASE_DIR, CALIBRATED_DIR);
  const react = await launch(CALIBRATED_DIR);
  const preact = await launch(PREACT_DIR);
  const results = new Map<string, PopupOpen>();
  let largeSamples: Record<Turn, PopupOpen[]> | null = null;
  try {
    for (const size of SIZES) {
      await react.seed(size);
      await preact.seed(size);
      const samples: Record<Turn, PopupOpen[]> = {
        react: [],
        preact: [],
        floor: [],
        plain: [],
        scriptsLoaded: [],
      };
      const open: Record<Turn, () => Promise<PopupOpen>> = {
        react: () => openOnce(react.context, react.url('popup.html'), '[role="listitem"]'),
        preact: () => openOnce(preact.context, preact.url('popup.html'), '[role="listitem"]'),
        floor: () => openOnce(react.context, react.url('manifest.json'), 'body'),
        plain: () => openOnce(react.context, react.url(POPUP_CALIBRATION_PAGES.plain), '[role="listitem"]'),
        scriptsLoaded: () =>
          openOnce(react.context, react.url(POPUP_CALIBRATION_PAGES.scriptsLoaded), '[role="listitem"]'),
      };
      for (let i = 0; i <= opensAt(size); i += 1) {
        // Each round starts one page further on, so that no page is always first.
        const order = [...TURNS.slice(i % TURNS.length), ...TURNS.slice(0, i % TURNS.length)];
        const turn = {} as Record<Turn, PopupOpen>;
        for (const key of order) turn[key] = await open[key]();
        // The first turn warms each browser up and is not counted.
        if (i === 0) continue;
        for (const key of TURNS) samples[key].push(turn[key]);
      }
      for (const key of TURNS) results.set(`${key}:${size}`, medianOpen(samples[key]));
      if (size === 10_000) largeSamples = samples;
    }
  } finally {
    await react.close();
    await preact.close();
  }
  const none = {
    wall: Number.NaN,
    inPage: Number.NaN,
    painted: Number.NaN,
    scripts: Number.NaN,
    interactive: Number.NaN,
  };
  const get = (key: string) => results.get(key) ?? none;
  const text = (open: PopupOpen) =>
    `${ms(open.wall)} (in page: painted at ${ms(open.painted)}, in the DOM at ${ms(open.inPage)}, scripts run by ${ms(open.scripts)})`;
  const small = get('react:10');
  const rows: BenchRow[] = [1_000, 10_000].map((size) => {
    const open = get(`react:${size}`);
    const large = size === 10_000;
    return {
      figure: `6. popup open → first history entry (release build), ${size.toLocaleString('en')} backups, median of ${opensAt(size)}`,
      value: text(open),
      baseline: `${text(small)} at 10 backups`,
      ratio: ratioText(open.wall, small.wall),
      target: large ? `≤ 1.5× and ≤ ${TARGET} ms` : '≤ 1.5×',
      met: met(open.wall <= small.wall * 1.5 && (!large || open.wall <= TARGET)),
    };
  });
  const floor = get('floor:10000');
  const reactLarge = get('react:10000');
  const preactLarge = get('preact:10000');
  const plain = get('plain:10000');
  const scriptsLoaded = get('scriptsLoaded:10000');
  const paintedAfterPlain = medianInterval(
    pairedDifferences(
      (largeSamples?.react ?? []).map((open) => open.painted),
      (largeSamples?.plain ?? []).map((open) => open.painted),
    ),
  );
  rows.push(
    {
      figure: `6. (calibration, not Savepoint's code) a plain page of this extension listing the newest 30 of the same journal (one small script, no framework), 10,000 backups, median of ${OPENS_LARGE}`,
      value: text(plain),
      baseline: `${text(reactLarge)}: the popup`,
      ratio: ratioText(plain.wall, reactLarge.wall),
      target: '—',
      met: '—',
    },
    {
      figure:
        "6. (calibration) the same plain page with the popup's script files fetched and compiled, never run",
      value: text(scriptsLoaded),
      baseline: `${text(plain)}: the plain page`,
      ratio: ratioText(scriptsLoaded.wall, plain.wall),
      target: '—',
      met: '—',
    },
    {
      figure:
        "6. (breakdown) the popup's first entry painted after the plain page's, in page (its first screen, before React), median of the rounds' differences",
      value: `${ms(paintedAfterPlain.median)} (90 % CI ${ms(paintedAfterPlain.low)} to ${ms(paintedAfterPlain.high)})`,
      baseline: `${ms(plain.painted)}: the plain page's first entry painted, in page`,
      ratio: ratioText(reactLarge.painted, plain.painted),
      target: '—',
      met: '—',
    },
    {
      figure:
        '6. popup open → the React popup in place of the first screen (its buttons work), 10,000 backups, in page',
      value: ms(reactLarge.interactive),
      baseline: `${ms(reactLarge.painted)}: the first screen painted`,
      ratio: ratioText(reactLarge.interactive, reactLarge.painted),
      target: '—',
      met: '—',
    },
    {
      figure:
        "6. (breakdown) the popup's first entry in the DOM after the plain page's, in page: loading its scripts + running them",
      value: `${ms(reactLarge.inPage - plain.inPage)} = ${ms(scriptsLoaded.inPage - plain.inPage)} + ${ms(reactLarge.inPage - scriptsLoaded.inPage)}`,
      baseline: `${ms(plain.inPage)}: the plain page's first entry, in page`,
      ratio: ratioText(reactLarge.inPage, plain.inPage),
      target: '—',
      met: '—',
    },
    {
      figure: `6. any extension page: manifest.json → visible (the floor under the popup), median of ${OPENS_LARGE}`,
      value: ms(floor.wall),
      baseline: `${ms(reactLarge.wall)}: the popup at 10,000 backups`,
      ratio: ratioText(floor.wall, reactLarge.wall),
      target: '—',
      met: '—',
    },
    {
      figure: `6. the same popup on Preact/compat, 10,000 backups (scripts loaded after the first paint: ${bytes(popupBytes(PREACT_DIR))} gz vs ${bytes(popupBytes(RELEASE_DIR))} with React)`,
      value: text(preactLarge),
      baseline: `${text(reactLarge)} with React`,
      ratio: ratioText(preactLarge.wall, reactLarge.wall),
      target: '—',
      met: '—',
    },
  );
  return rows;
}
