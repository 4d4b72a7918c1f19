import type { BrowserContext, Worker } from '@playwright/test';
import { met, type BenchRow } from './bench-row';
import { clearJournal, journalCounts } from './journal-probe';
import { timeFetches } from './measure-save-round-trip';

/** Identical saves in all; a page accepts 600 bridge reports at once, so they are spread over fresh loads. */
const SAVES = 1_000;
const SAVES_PER_LOAD = 500;

/** Counts the `capture:saved` messages the background receives, to know every save reached it. */
async function countCaptureMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const state = globalThis as unknown as { benchCaptures?: number };
    if (state.benchCaptures !== undefined) {
      state.benchCaptures = 0;
      return;
    }
    state.benchCaptures = 0;
    chrome.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'capture:saved') state.benchCaptures! += 1;
      return undefined;
    });
  });
}

const capturesSeen = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { benchCaptures: number }).benchCaptures);

/** Polls `read` until it returns the same value for `quiet` ms (or `timeout` ms pass). */
async function settled<T>(read: () => Promise<T>, quiet: number, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await read());
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await read();
    if (JSON.stringify(now) !== last) [last, since] = [JSON.stringify(now), Date.now()];
    else if (Date.now() - since >= quiet || Date.now() > deadline) return now;
  }
}

/** Row 9 (first half): snapshot bodies stored after 1,000 identical saves, against one save. */
export async function measureIdenticalSaves(
  context: BrowserContext,
  worker: Worker,
  url: string,
  body: Record<string, string>,
  resetConvex: () => Promise<void>,
): Promise<BenchRow> {
  // Otherwise the next sync pulls earlier rows' backups back from Convex into the emptied journal.
  await resetConvex();
  await clearJournal(worker);
  await countCaptureMessages(worker);
  const page = await context.newPage();
  await page.goto(url);
  await timeFetches(page, 1, body);
  const one = await settled(() => journalCounts(worker), 500, 10_000);
  for (let done = 1; done < SAVES;) {
    const batch = Math.min(SAVES_PER_LOAD - (done % SAVES_PER_LOAD), SAVES - done);
    await timeFetches(page, batch, body);
    done += batch;
    if (done < SAVES) await page.reload();
  }
  await settled(() => capturesSeen(worker), 1_000, 30_000);
  const after = await settled(() => journalCounts(worker), 1_000, 30_000);
  const reached = await capturesSeen(worker);
  await page.close();
  return {
    figure: `9. snapshot bodies after ${SAVES.toLocaleString('en')} identical saves`,
    // Compared with the journal after the first save, so a backup a late sync pass pulls back cannot skew it.
    value: `${after.bodies} bodies (${after.backups} backups; ${reached}/${SAVES} saves reached the background)`,
    baseline: `${one.bodies} bodies (after the first save)`,
    ratio: `${after.bodies}/${one.bodies}`,
    target: 'no body beyond the first save',
    met: met(after.bodies === one.bodies && reached === SAVES),
  };
}
