import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { BenchRow } from './bench-row';

/** Where `npm run bench` leaves its figures (committed with the code that produced them). */
export const RESULTS_PATH = new URL('./results.json', import.meta.url);

const loadAtStart = os.loadavg()[0]?.toFixed(2);

/** Writes `bench/results.json`: the date, what the figures were measured on, and the rows. */
export async function writeResults(rows: BenchRow[], chromiumVersion: string): Promise<void> {
  const results = {
    date: new Date().toISOString(),
    machine: {
      // The machine may be shared (other test runs): the 1-minute load average says how busy it was.
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, load average ${loadAtStart} at start, ${os.loadavg()[0]?.toFixed(2)} at end`,
      /** (GiB) of RAM. */
      memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      node: process.version,
      chromium: chromiumVersion,
    },
    rows,
  };
  await writeFile(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
