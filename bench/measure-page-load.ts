import type { BrowserContext, Page } from '@playwright/test';
import { met, ms, type BenchRow } from './bench-row';
import { median, medianInterval, pairedRatios } from './stats';

/** Loads of the page per browser (after the warm-up ones). */
const LOADS = 40;
const WARM_UP_LOADS = 3;

/** (ms) from navigation start to the end of the load event of one load of `url`. */
async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(async () => {
    for (;;) {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (entry && entry.loadEventEnd > 0) return entry.loadEventEnd;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
}

/** A browser to time, by name: the bare baseline, all of Savepoint, or one breakdown variant. */
export interface Timed {
  name: string;
  context: BrowserContext;
}

/**
 * (ms) median load time of `url` in each browser, loads interleaved round by round with the order rotated, so
 * that drift (other work on the machine) hits all alike and none always loads right after another. Each load
 * starts from a blank page that replaced the previous one: what a page did after its load (Savepoint's capture
 * agent, its drift check a second later) then ends with it instead of running during another browser's load.
 */
export async function loadSamples(browsers: Timed[], url: string): Promise<number[][]> {
  const pages = await Promise.all(browsers.map(({ context }) => context.newPage()));
  const samples = pages.map(() => [] as number[]);
  for (let round = 0; round < WARM_UP_LOADS + LOADS; round += 1) {
    for (let k = 0; k < pages.length; k += 1) {
      const i = (round + k) % pages.length;
      const page = pages[i] as Page;
      const time = await loadTime(page, url);
      await page.goto('about:blank');
      if (round >= WARM_UP_LOADS) samples[i]?.push(time);
    }
  }
  await Promise.all(pages.map((page) => page.close()));
  return samples;
}

/** `value`'s loads against the bare browser's in the same rounds: the median ratio and its 90 % interval. */
function pairedText(value: number[], bare: number[]): { text: string; ratio: number; high: number } {
  const { median: ratio, low, high } = medianInterval(pairedRatios(value, bare));
  return { text: `${ratio.toFixed(3)}× (90 % CI ${low.toFixed(3)}–${high.toFixed(3)})`, ratio, high };
}

/**
 * Row 1: the watched dashboard page's load with all of Savepoint against the bare browser, then one row per
 * breakdown variant (`browsers` after the first two) against the same bare loads. The ratio is the median of the
 * round-by-round ratios (each load against the bare load of the same round, so that drift cancels), with a 90 %
 * bootstrap interval: on a shared 2-core machine single medians moved by ±10 % between runs, more than the target.
 * The target counts as met only when the whole interval is within it: a median of 1.016× with an interval up to
 * 1.216× (the 2026-12-07 17:20 run, after 1.155× in the run before) is noise, not a pass.
 */
export async function measurePageLoad(
  [all, bare, ...breakdown]: [Timed, Timed, ...Timed[]],
  url: string,
): Promise<BenchRow[]> {
  const [value = [], baseline = [], ...parts] = await loadSamples([all, bare, ...breakdown], url);
  const whole = pairedText(value, baseline);
  return [
    {
      figure: `1. watched page load (nav start → loadEventEnd), median of ${LOADS}, ratio paired by round`,
      value: ms(median(value)),
      baseline: ms(median(baseline)),
      ratio: whole.text,
      target: '≤ 1.02×',
      met: met(whole.high <= 1.02),
    },
    ...breakdown.map((variant, i) => ({
      figure: `1. (breakdown) page load, ${variant.name}`,
      value: ms(median(parts[i] ?? [])),
      baseline: ms(median(baseline)),
      ratio: pairedText(parts[i] ?? [], baseline).text,
      target: '—',
      met: '—' as const,
    })),
  ];
}

/** What of Savepoint runs in a page: the MAIN-world bridge's marker, and extension isolated worlds. */
export interface Injected {
  bridge: boolean;
  isolatedWorlds: number;
}

/** Loads `url` and looks for anything Savepoint put in the page. */
export async function injectedInto(context: BrowserContext, url: string): Promise<Injected> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string; auxData?: unknown } }) => {
    const aux = event.context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') origins.push(event.context.origin);
  });
  await cdp.send('Runtime.enable');
  origins.length = 0;
  await page.goto(url, { waitUntil: 'load' });
  // (ms) for the capture agent, given to a watched page after its load, to have arrived as well.
  await page.waitForTimeout(300);
  const bridge = await page.evaluate(() =>
    Object.getOwnPropertySymbols(window).some((s) => String(s.description).includes('savepoint')),
  );
  const isolatedWorlds = origins.filter((origin) => origin.startsWith('chrome-extension://')).length;
  await cdp.detach();
  await page.close();
  return { bridge, isolatedWorlds };
}

/** Row 2: scripts injected into a page of the dashboard's site that is not watched. */
export async function measureUnwatchedPage(
  withExtension: BrowserContext,
  without: BrowserContext,
  unwatchedUrl: string,
  watchedUrl: string,
): Promise<BenchRow> {
  // The probe must see Savepoint where it does run, or a 0 would prove nothing.
  const control = await injectedInto(withExtension, watchedUrl);
  if (!control.bridge || control.isolatedWorlds === 0) {
    throw new Error(`the probe does not see Savepoint on the watched page (${JSON.stringify(control)})`);
  }
  const seen = await injectedInto(withExtension, unwatchedUrl);
  const base = await injectedInto(without, unwatchedUrl);
  const count = (found: Injected) => Number(found.bridge) + found.isolatedWorlds;
  const describe = (found: Injected) =>
    `${count(found)} (bridge ${found.bridge ? 1 : 0}, isolated worlds ${found.isolatedWorlds})`;
  return {
    figure: '2. scripts injected into an unwatched page (/about)',
    value: describe(seen),
    baseline: describe(base),
    ratio: '—',
    target: '0',
    met: met(count(seen) === 0),
  };
}
