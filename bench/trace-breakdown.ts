import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { BenchRow } from './bench-row';
import type { Timed } from './measure-page-load';
import { timeFetches } from './measure-save-round-trip';
import { workerCpu, type ProfileTraceEvent, type WorkerCpu } from './worker-cpu';

/** Page loads and saves per browser while it is traced (one browser at a time). */
const TRACED_LOADS = 20;
const TRACED_SAVES = 100;
/** (ms) apart, as in row 3. */
const SAVE_GAP = 15;
/** Chromium's trace categories: each thread's tasks, and the scripts a page runs with their URLs. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'v8'];
/**
 * Page loads and saves per browser in a pass of its own, with V8's sampling profiler on: it slows the threads it
 * samples, so the CPU counters above are taken without it.
 */
const PROFILED_LOADS = 10;
const PROFILED_SAVES = 50;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  /** (µs) */
  dur?: number;
  /** (µs) of the thread's CPU time, where Chromium records it. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string }; fileName?: string };
}

interface ProcessCpu {
  type: string;
  id: number;
  /** (s) of CPU since the process started, in steps of 10 ms. */
  cpuTime: number;
}

/** (ms) of CPU in one traced stretch, by where it ran. */
interface CpuBreakdown {
  browser: number;
  network: number;
  gpu: number;
  /** The renderer of the measured page, all of it. */
  page: number;
  /** Of `page`: the time its main thread spent in scripts from `chrome-extension://` (Savepoint's). */
  savepointInPage: number;
  /** Of `savepointInPage`: the part while a load was on (from its commit to its load event), on the load's path. */
  savepointBeforeLoad: number;
  /** Every other renderer: the extension's (its service worker), and idle tabs. */
  otherRenderers: number;
}
const PARTS: (keyof CpuBreakdown)[] = [
  'browser',
  'network',
  'gpu',
  'page',
  'savepointInPage',
  'savepointBeforeLoad',
  'otherRenderers',
];
const LABEL: Record<keyof CpuBreakdown, string> = {
  browser: 'browser',
  network: 'network',
  gpu: 'GPU',
  page: 'page',
  savepointInPage: 'Savepoint scripts in page',
  savepointBeforeLoad: 'of which before the load event',
  otherRenderers: 'extension',
};

const SCRIPT_EVENTS = new Set(['v8.compile', 'v8.run', 'v8.callFunction', 'EvaluateScript', 'FunctionCall']);

/** (µs) covered by possibly nested intervals. */
function covered(intervals: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of intervals.sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/** (µs) of `intervals` inside any of `windows` (neither list nested within itself beyond what `covered` merges). */
function coveredWithin(intervals: [number, number][], windows: [number, number][]): number {
  return covered(
    intervals.flatMap(([from, to]) =>
      windows
        .map(([start, end]): [number, number] => [Math.max(from, start), Math.min(to, end)])
        .filter(([a, b]) => b > a),
    ),
  );
}

/**
 * The page's renderer (the one whose main thread ran the most tasks), its time in Savepoint's scripts, and the
 * part of that time spent while a load was on: from each load's commit to its load event (`MarkLoad`).
 */
export function pageInTrace(events: TraceEvent[]): { pid: number; savepoint: number; beforeLoad: number } {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<number, number>();
  const ours = new Map<number, [number, number][]>();
  const commits = new Map<number, number[]>();
  const loads = new Map<number, number[]>();
  const add = <T>(map: Map<number, T[]>, pid: number, value: T) =>
    map.set(pid, [...(map.get(pid) ?? []), value]);
  for (const event of events) {
    if (event.name === 'CommitLoad') add(commits, event.pid, event.ts);
    if (event.name === 'MarkLoad') add(loads, event.pid, event.ts);
    if (event.ph !== 'X' || event.dur === undefined || !mains.has(`${event.pid}:${event.tid}`)) continue;
    if (event.name === 'ThreadControllerImpl::RunTask') {
      busy.set(event.pid, (busy.get(event.pid) ?? 0) + (event.tdur ?? event.dur));
    }
    const url = event.args?.data?.url ?? event.args?.fileName ?? '';
    if (SCRIPT_EVENTS.has(event.name) && url.startsWith('chrome-extension://')) {
      add(ours, event.pid, [event.ts, event.ts + event.dur] as [number, number]);
    }
  }
  const [pid = -1] = [...busy.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const loadEnds = (loads.get(pid) ?? []).sort((a, b) => a - b);
  const windows = (commits.get(pid) ?? []).flatMap((start): [number, number][] => {
    const end = loadEnds.find((at) => at >= start);
    return end === undefined ? [] : [[start, end]];
  });
  const scripts = ours.get(pid) ?? [];
  return { pid, savepoint: covered([...scripts]) / 1000, beforeLoad: coveredWithin(scripts, windows) / 1000 };
}

async function processCpu(cdp: CDPSession): Promise<ProcessCpu[]> {
  return ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessCpu[] }).processInfo;
}

/** Runs `work` traced, and splits the CPU every process of the browser used meanwhile. */
async function traced(
  context: BrowserContext,
  page: Page,
  work: () => Promise<unknown>,
): Promise<CpuBreakdown> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to trace');
  const cdp = await browser.newBrowserCDPSession();
  const before = await processCpu(cdp);
  await browser.startTracing(page, { categories: CATEGORIES });
  await work();
  const trace = await browser.stopTracing();
  const after = await processCpu(cdp);
  await cdp.detach();
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const inPage = pageInTrace(traceEvents);
  const sums: CpuBreakdown = {
    browser: 0,
    network: 0,
    gpu: 0,
    page: 0,
    savepointInPage: inPage.savepoint,
    savepointBeforeLoad: inPage.beforeLoad,
    otherRenderers: 0,
  };
  for (const process of after) {
    const used = (process.cpuTime - (before.find((p) => p.id === process.id)?.cpuTime ?? 0)) * 1000;
    if (process.type === 'browser') sums.browser += used;
    else if (/network/i.test(process.type)) sums.network += used;
    else if (process.type === 'GPU') sums.gpu += used;
    else if (process.id === inPage.pid) sums.page += used;
    else if (process.type === 'renderer') sums.otherRenderers += used;
  }
  return sums;
}

/**
 * Runs `work` with V8's sampling profiler on, and splits the time the extensions' service workers spent running
 * meanwhile by whose code ran (worker-cpu.ts).
 * Traced over the browser's own DevTools session: Playwright's `startTracing` left the extension's renderer out.
 */
async function profiled(context: BrowserContext, work: () => Promise<unknown>): Promise<WorkerCpu> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to profile');
  const cdp = await browser.newBrowserCDPSession();
  const events: ProfileTraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as ProfileTraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-v8.cpu_profiler'] },
    transferMode: 'ReportEvents',
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return workerCpu(events);
}

function workerText(cpu: WorkerCpu, count: number): string {
  const each = (ms: number) => (ms / count).toFixed(2);
  return `its own code ${each(cpu.own)}, Chromium's extension bindings ${each(cpu.bindings)}, other (GC, compiler, native) ${each(cpu.other)}`;
}

function perUnit(sums: CpuBreakdown, count: number): CpuBreakdown {
  return Object.fromEntries(PARTS.map((part) => [part, sums[part] / count])) as unknown as CpuBreakdown;
}

function describe(value: CpuBreakdown, baseline?: CpuBreakdown): string {
  return PARTS.map((part) => {
    const delta = baseline ? value[part] - baseline[part] : null;
    const change = delta === null ? '' : ` (${delta >= 0 ? '+' : ''}${delta.toFixed(1)})`;
    return `${LABEL[part]} ${value[part].toFixed(1)}${change}`;
  }).join(', ');
}

/**
 * Row 10: where the CPU goes, per page load and per save, in each browser against the bare one: each process's CPU
 * (Chromium's per-process counters) and, from Chromium's trace, the page's time in Savepoint's own scripts; then,
 * for each browser whose extension has a service worker, that worker's sampled time by whose code ran (all zero
 * when the worker never ran). `browsers` are all of Savepoint, the bare browser, then the breakdown variants.
 */
export async function traceBreakdown(
  browsers: [Timed, Timed, ...Timed[]],
  url: string,
  body: Record<string, string>,
): Promise<BenchRow[]> {
  const results: { name: string; load: CpuBreakdown; save: CpuBreakdown }[] = [];
  const workers: BenchRow[] = [];
  for (const { name, context } of browsers) {
    const page = await context.newPage();
    await page.goto(url);
    const loads = (count: number) => async () => {
      for (let i = 0; i < count; i += 1) await page.goto(url, { waitUntil: 'load' });
    };
    const load = await traced(context, page, loads(TRACED_LOADS));
    // Past the capture script's drift check (1 s after load), so that it is not counted as the saves' cost.
    await page.waitForTimeout(1500);
    const save = await traced(context, page, () => timeFetches(page, TRACED_SAVES, body, SAVE_GAP));
    results.push({ name, load: perUnit(load, TRACED_LOADS), save: perUnit(save, TRACED_SAVES) });
    if (context.serviceWorkers().length > 0) {
      const workerLoad = await profiled(context, loads(PROFILED_LOADS));
      await page.waitForTimeout(1500);
      const workerSave = await profiled(context, () => timeFetches(page, PROFILED_SAVES, body, SAVE_GAP));
      workers.push(
        row(
          `10. (profile) the extension's service worker, sampled ms per page load, ${name}`,
          workerText(workerLoad, PROFILED_LOADS),
        ),
        row(
          `10. (profile) the extension's service worker, sampled ms per save, ${name}`,
          workerText(workerSave, PROFILED_SAVES),
        ),
      );
    }
    await page.close();
  }
  const [, bare] = results;
  return results
    .filter((result) => result !== bare)
    .flatMap(({ name, load, save }) => [
      row(
        `10. (trace) CPU ms per page load, ${name} (± bare)`,
        describe(load, bare?.load),
        bare ? describe(bare.load) : '—',
      ),
      row(
        `10. (trace) CPU ms per save, ${name} (± bare)`,
        describe(save, bare?.save),
        bare ? describe(bare.save) : '—',
      ),
    ])
    .concat(workers);
}

function row(figure: string, value: string, baseline = '—'): BenchRow {
  return { figure, value, baseline, ratio: '—', target: '—', met: '—' };
}
