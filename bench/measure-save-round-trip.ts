import type { BrowserContext, Page } from '@playwright/test';
import { met, ms, ratioText, type BenchRow } from './bench-row';
import { median } from './stats';

/** Timed PUTs per browser, in interleaved blocks, after the warm-up ones. */
const CALLS = 200;
const BLOCK = 50;
const WARM_UP_CALLS = 20;

/** The bot-names save the dashboard's own Save button makes. */
export const BOT_NAMES_API = '/api/workspaces/acme/settings/bot-names';

/** (ms) of idle time between two timed calls, so each save's capture work is done before the next one. */
const GAP = 15;

/**
 * (ms) of each of `count` `fetch` calls to the bot-names API, timed in the page around `await fetch(...)`: PUTs of
 * `body`, or GETs (not saves) when `body` is null; `gap` ms of untimed idle time after each.
 */
export function timeFetches(
  page: Page,
  count: number,
  body: Record<string, string> | null,
  gap = 0,
): Promise<number[]> {
  return page.evaluate(
    async ({ count, body, url, gap }) => {
      const times: number[] = [];
      const init: RequestInit =
        body === null
          ? { method: 'GET' }
          : { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
      for (let i = 0; i < count; i += 1) {
        const start = performance.now();
        const response = await fetch(url, init);
        await response.json();
        times.push(performance.now() - start);
        if (!response.ok) throw new Error(`${init.method} ${url}: ${response.status}`);
        if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
      }
      return times;
    },
    { count, body, url: BOT_NAMES_API, gap },
  );
}

/** Medians of interleaved blocks of `body` fetches on both pages. */
async function interleaved(a: Page, b: Page, body: Record<string, string> | null) {
  await timeFetches(a, WARM_UP_CALLS, body, GAP);
  await timeFetches(b, WARM_UP_CALLS, body, GAP);
  const samples = { with: [] as number[], without: [] as number[] };
  for (let done = 0; done < CALLS; done += BLOCK) {
    samples.with.push(...(await timeFetches(a, BLOCK, body, GAP)));
    samples.without.push(...(await timeFetches(b, BLOCK, body, GAP)));
  }
  return { value: median(samples.with), baseline: median(samples.without) };
}

/**
 * Row 3: a save's round trip through Savepoint's fetch wrapper against the same page without the extension. The
 * body is the same every time, so the extension records one backup and then only deduplicates: the figure is the
 * wrapper's cost, not that of syncing 200 backups at once. Calls are spaced, as a user's saves are: back to back,
 * the previous save's capture work (same renderer thread) would be timed as well.
 */
export async function measureSaveRoundTrip(
  withExtension: BrowserContext,
  without: BrowserContext,
  url: string,
  body: Record<string, string>,
): Promise<BenchRow[]> {
  const pages: Page[] = [await withExtension.newPage(), await without.newPage()];
  for (const page of pages) await page.goto(url);
  const [a, b] = pages as [Page, Page];
  const save = await interleaved(a, b, body);
  // Not a save: the bridge ignores it, so what is left is the browser's cost of the extension's webRequest listener.
  const get = await interleaved(a, b, null);
  await Promise.all(pages.map((page) => page.close()));
  return [
    {
      figure: `3. save fetch PUT round trip in the page, median of ${CALLS} (${GAP} ms apart)`,
      value: ms(save.value),
      baseline: ms(save.baseline),
      ratio: ratioText(save.value, save.baseline),
      target: '≤ 1.01× or ≤ 0.2 ms added',
      met: met(save.value <= save.baseline * 1.01 || save.value - save.baseline <= 0.2),
    },
    {
      figure: `3. (diagnostic) GET of the same API, not a save, median of ${CALLS}`,
      value: ms(get.value),
      baseline: ms(get.baseline),
      ratio: ratioText(get.value, get.baseline),
      target: '—',
      met: '—',
    },
  ];
}
