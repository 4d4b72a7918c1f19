import type { BrowserContext, Worker } from '@playwright/test';
import { BENCH_DIR, BENCH_NO_AGENT_DIR, BENCH_NO_LEDGER_DIR } from './build-extension';
import { configureExtension } from './configure-extension';
import { extensionWorker, launchChromium, type BenchBrowser } from './launch-chromium';

/**
 * What Savepoint puts on a watched page's path: the MAIN-world bridge (registered), the capture agent (given to the
 * page after its load, on the `webRequest` signal of its document), the ledger's `webRequest` listeners.
 */
export type Part = 'bridge' | 'capture' | 'ledger';

/** Id of the one registered script (lib/background/register-content-scripts.ts). */
const BRIDGE_ID = 'savepoint-bridge';

/** One Chromium of the breakdown: Savepoint with only `parts` left on the watched page. */
export interface Variant {
  name: string;
  parts: Part[];
  browser: BenchBrowser;
  context: BrowserContext;
  worker: Worker;
  /** Paths of the registered scripts' files, as configured. */
  scripts: string[];
}

/** The breakdown: each part alone, against all of Savepoint and the bare browser in the same run. */
export const BREAKDOWN: { name: string; parts: Part[] }[] = [
  { name: 'bridge only', parts: ['bridge'] },
  { name: 'ledger listeners + capture agent after load', parts: ['ledger', 'capture'] },
  { name: 'ledger listeners only', parts: ['ledger'] },
];

async function registeredIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((script: { id: string }) => script.id).sort(),
  );
}

/** The bench build with the parts in `parts`: the agent needs the `webRequest` signal that the ledger comes with. */
function buildFor(parts: Part[]): string {
  if (!parts.includes('ledger')) {
    if (parts.includes('capture'))
      throw new Error('the capture agent is given to pages on a webRequest signal');
    return BENCH_NO_LEDGER_DIR;
  }
  return parts.includes('capture') ? BENCH_DIR : BENCH_NO_AGENT_DIR;
}

/**
 * Launches the bench build configured to watch the demo, then takes away the parts not in `parts`: the ledger by
 * loading the copy without `webRequest`, the agent by the copy whose agent does nothing, the bridge by
 * unregistering it (the worker registers it again only when the watched list or permissions change, or it
 * restarts: `checkVariant` says when that happened).
 */
export async function launchVariant(
  name: string,
  parts: Part[],
  setup: { convexUrl: string; accessKey: string },
): Promise<Variant> {
  const browser = await launchChromium(buildFor(parts));
  const worker = await extensionWorker(browser.context);
  const scripts = await configureExtension(worker, setup);
  if (!parts.includes('bridge')) await unregisterBridge(worker);
  return { name, parts, browser, context: browser.context, worker, scripts };
}

/**
 * (ms) the bridge must stay unregistered before a variant counts as launched: the worker's start-up work (the
 * install's retry pass, which registers the watched list's scripts) can end after the bench took it away.
 */
const SETTLED = 2_000;

/** Unregisters the bridge and again whenever the worker's start-up puts it back, until it stays away. */
async function unregisterBridge(worker: Worker): Promise<void> {
  const deadline = Date.now() + 30_000;
  let awaySince = Date.now();
  while (Date.now() < deadline) {
    if ((await registeredIds(worker)).includes(BRIDGE_ID)) {
      await worker.evaluate((ids) => chrome.scripting.unregisterContentScripts({ ids }), [BRIDGE_ID]);
      awaySince = Date.now();
    } else if (Date.now() - awaySince >= SETTLED) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the bridge kept coming back after it was unregistered');
}

/** Throws when the variant's registered scripts are no longer the ones it was measured with. */
export async function checkVariant(variant: Variant): Promise<void> {
  const expected = variant.parts.includes('bridge') ? [BRIDGE_ID] : [];
  const found = await registeredIds(variant.worker);
  if (found.join() !== expected.join()) {
    throw new Error(
      `${variant.name}: scripts ${found.join(', ') || 'none'}, measured as ${expected.join(', ')}`,
    );
  }
}

/**
 * (ms) after an install during which the worker gives every loading dashboard page the scripts it lacks
 * (`ATTACH_WINDOW` in lib/background/start-background.ts, plus a margin): it would put back the parts a variant
 * leaves out, and costs each load a probe, so rows 1, 2, 3 and 10 wait it out.
 */
const ATTACH_WINDOW = 62_000;

/** Waits until the attach window of browsers launched at `launchedAt` (ms since the epoch) is over. */
export async function afterAttachWindow(launchedAt: number): Promise<void> {
  const left = launchedAt + ATTACH_WINDOW - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
