import { browser, type Browser } from 'wxt/browser';
import { createSerialQueue } from '../create-serial-queue';
import type { WatchedDashboard } from '../storage';
import { compileDashboardPattern } from '../watch/dashboard-pattern';

/** Ids of Savepoint's dynamically registered content scripts. */
export const SCRIPT_IDS = { bridge: 'savepoint-bridge' } as const;
/**
 * Ids this version no longer registers and removes where it finds them: the capture script was registered at
 * `document_idle` until it moved after the page's load (create-agent-attacher.ts).
 */
const RETIRED_IDS: readonly string[] = ['savepoint-capture'];

type Script = Browser.scripting.RegisteredContentScript;

/** The browser APIs this needs (a seam for tests). */
export interface ScriptingApi {
  scripting: Pick<
    typeof browser.scripting,
    | 'getRegisteredContentScripts'
    | 'registerContentScripts'
    | 'updateContentScripts'
    | 'unregisterContentScripts'
  >;
  permissions: Pick<typeof browser.permissions, 'contains'>;
}

/** Match patterns of the watched dashboards whose origin Savepoint may access. */
export async function grantedMatches(
  watched: WatchedDashboard[],
  permissions: ScriptingApi['permissions'] = browser.permissions,
): Promise<string[]> {
  const matches = new Set<string>();
  for (const dashboard of watched) {
    try {
      const compiled = compileDashboardPattern(dashboard.pattern);
      const granted = await permissions.contains({ origins: [compiled.originPattern] });
      if (granted) matches.add(compiled.matchPattern);
    } catch {
      continue;
    }
  }
  return [...matches];
}

function wantedScripts(matches: string[]): Script[] {
  // Only the MAIN-world bridge loads with the page, before the page's scripts; the capture agent is given to the
  // page after its load event (create-agent-attacher.ts), off the page's loading path.
  return [
    {
      id: SCRIPT_IDS.bridge,
      js: ['content-scripts/bridge.js'],
      matches,
      runAt: 'document_start',
      world: 'MAIN',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ];
}

function sameScript(a: Script, b: Script): boolean {
  const same = (x: readonly string[] = [], y: readonly string[] = []) =>
    x.length === y.length && x.every((item) => y.includes(item));
  return (
    same(a.matches, b.matches) &&
    same(a.js, b.js) &&
    a.runAt === b.runAt &&
    (a.world ?? 'ISOLATED') === (b.world ?? 'ISOLATED')
  );
}

async function apply(watched: WatchedDashboard[], api: ScriptingApi): Promise<string[]> {
  const matches = await grantedMatches(watched, api.permissions);
  const registered = await api.scripting.getRegisteredContentScripts();
  const retired = registered.filter((script) => RETIRED_IDS.includes(script.id));
  if (retired.length > 0)
    await api.scripting.unregisterContentScripts({ ids: retired.map((script) => script.id) });
  const ours = registered.filter((script) => Object.values<string>(SCRIPT_IDS).includes(script.id));
  if (matches.length === 0) {
    if (ours.length > 0)
      await api.scripting.unregisterContentScripts({ ids: ours.map((script) => script.id) });
    return [];
  }
  const wanted = wantedScripts(matches);
  // Scripts are updated in place, never unregistered and registered again: a page loading in between would get no
  // capture at all (at a browser start, a restored tab would miss its first save).
  const changed = wanted.filter((script) => {
    const current = ours.find((existing) => existing.id === script.id);
    return current !== undefined && !sameScript(current, script);
  });
  const missing = wanted.filter((script) => !ours.some((existing) => existing.id === script.id));
  if (changed.length > 0) await api.scripting.updateContentScripts(changed);
  if (missing.length > 0) {
    try {
      await api.scripting.registerContentScripts(missing);
    } catch (error) {
      // Registered meanwhile (by a browser that had not listed them yet): bring them up to date instead.
      if (!/duplicate/i.test(String(error))) throw error;
      await api.scripting.updateContentScripts(missing);
    }
  }
  return matches;
}

const serial = createSerialQueue();

/**
 * Registers the content script (the bridge) for exactly the watched dashboards' pages, so nothing is injected anywhere
 * else; re-run whenever the watched list or permissions change. Calls run one after another: at a browser start,
 * several events ask at once.
 */
export function registerContentScripts(
  watched: WatchedDashboard[],
  api: ScriptingApi = { scripting: browser.scripting, permissions: browser.permissions },
): Promise<string[]> {
  return serial(() => apply(watched, api));
}
