import type { BrowserContext, Worker } from '@playwright/test';
import { met, ms, ratioText, type BenchRow } from './bench-row';
import { syncedAt, visibleBackup, watchForBackup } from './journal-probe';
import { percentile } from './stats';

/** Timed saves (each with a distinct value), after the warm-up ones. */
const SAVES = 60;
const WARM_UP_SAVES = 3;

/** (ms) from a click on Save to each milestone of one save. */
export interface SaveTimings {
  /** The page showed "Saved" (the dashboard's own request is done). */
  answered: number[];
  /** The background stamped the backup (`capturedAt`). */
  captured: number[];
  /** The backup was readable in the journal from another connection (committed). */
  durable: number[];
  /** The journal marked the backup acknowledged by Convex (`syncedAt`). */
  synced: number[];
}

/** Clicks the dashboard's "Save bot names" `saves` times with new values, timing each save's way to Convex. */
export async function timeSaves(
  context: BrowserContext,
  worker: Worker,
  url: string,
  saves = SAVES,
): Promise<SaveTimings> {
  const page = await context.newPage();
  await page.goto(url);
  const timings: SaveTimings = { answered: [], captured: [], durable: [], synced: [] };
  for (let i = 0; i < WARM_UP_SAVES + saves; i += 1) {
    await page.fill('[name=primaryName]', `Bench bot ${i}`);
    await watchForBackup(worker);
    const clickedAt = await page.evaluate(() => {
      const status = document.querySelector('#bot-names-status');
      const state = window as unknown as { benchSavedAt?: Promise<number> };
      state.benchSavedAt = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status?.textContent?.trim() !== 'Saved') return;
          observer.disconnect();
          resolve(Date.now());
        });
        if (status) observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      const at = Date.now();
      document.querySelector<HTMLButtonElement>('[aria-label="Save bot names"]')?.click();
      return at;
    });
    const seen = await visibleBackup(worker);
    const synced = await syncedAt(worker, seen.id);
    const answeredAt = await page.evaluate(
      () => (window as unknown as { benchSavedAt: Promise<number> }).benchSavedAt,
    );
    if (i < WARM_UP_SAVES) continue;
    timings.answered.push(answeredAt - clickedAt);
    timings.captured.push(seen.capturedAt - clickedAt);
    timings.durable.push(seen.visibleAt - clickedAt);
    timings.synced.push(synced - clickedAt);
  }
  await page.close();
  return timings;
}

const p50p95 = (samples: number[]) => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`;

/** Row 4: save → durable local backup. */
export function durableRow(timings: SaveTimings): BenchRow {
  const p95 = percentile(timings.durable, 95);
  return {
    figure: `4. save click → durable local backup, p50 / p95 of ${timings.durable.length}`,
    value: p50p95(timings.durable),
    baseline: `— (page showed Saved at ${p50p95(timings.answered)}; stamped at ${p50p95(timings.captured)})`,
    ratio: '—',
    target: 'p95 ≤ 50 ms',
    met: met(p95 <= 50),
  };
}

/** Row 5: save → acknowledged by the local Convex, against a bare ConvexHttpClient mutation from Node. */
export function syncedRow(timings: SaveTimings, bare: number[]): BenchRow {
  const p95 = percentile(timings.synced, 95);
  return {
    figure: `5. save click → Convex ack (loopback), p50 / p95 of ${timings.synced.length}`,
    value: p50p95(timings.synced),
    baseline: `${p50p95(bare)} (bare mutation)`,
    ratio: ratioText(p95, percentile(bare, 95)),
    target: 'p95 ≤ 200 ms',
    met: met(p95 <= 200),
  };
}

/** Backups the large-history rows seed in the saved section: the most a section may keep (MAX_RETENTION). */
export const LARGE_SECTION = 10_000;

/**
 * Row 5 again with the section at its largest: `LARGE_SECTION` backups, at the retention's maximum, against the
 * same saves into a near-empty journal in this run (retention reads the section; it used to run before the sync).
 */
export function largeSectionRow(large: SaveTimings, small: SaveTimings): BenchRow {
  const p95 = percentile(large.synced, 95);
  return {
    figure: `5. (${LARGE_SECTION.toLocaleString('en-US')} backups in the section; none of these saves is the one in 101 that prunes it) save click → Convex ack, p50 / p95 of ${large.synced.length}`,
    value: `${p50p95(large.synced)} (durable locally ${p50p95(large.durable)})`,
    baseline: `${p50p95(small.synced)} (near-empty journal)`,
    ratio: ratioText(p95, percentile(small.synced, 95)),
    target: 'p95 ≤ 200 ms',
    met: met(p95 <= 200),
  };
}
