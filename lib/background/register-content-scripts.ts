import { browser } from 'wxt/browser';
import type { WatchedDashboard } from '../storage';
import { compileDashboardPattern } from '../watch/dashboard-pattern';

/** Ids of Savepoint's dynamically registered content scripts. */
export const SCRIPT_IDS = { bridge: 'savepoint-bridge', capture: 'savepoint-capture' } as const;

/** Match patterns of the watched dashboards whose origin Savepoint may access. */
export async function grantedMatches(watched: WatchedDashboard[]): Promise<string[]> {
  const matches = new Set<string>();
  for (const dashboard of watched) {
    try {
      const compiled = compileDashboardPattern(dashboard.pattern);
      const granted = await browser.permissions.contains({ origins: [compiled.originPattern] });
      if (granted) matches.add(compiled.matchPattern);
    } catch {
      continue;
    }
  }
  return [...matches];
}

/**
 * Registers the two content scripts for exactly the watched dashboards' pages, so nothing is injected anywhere
 * else; re-run whenever the watched list or permissions change.
 */
export async function registerContentScripts(watched: WatchedDashboard[]): Promise<string[]> {
  const matches = await grantedMatches(watched);
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing
    .map((script) => script.id)
    .filter((id) => Object.values<string>(SCRIPT_IDS).includes(id));
  const capture = existing.find((script) => script.id === SCRIPT_IDS.capture);
  const current = capture?.matches ?? [];
  // Unchanged: leave the registration alone, so no page load falls into a gap while the worker wakes up.
  const same = current.length === matches.length && matches.every((m) => current.includes(m));
  if (ours.length === 2 && same && capture?.runAt === 'document_idle') {
    return matches;
  }
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  if (matches.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_IDS.bridge,
      js: ['content-scripts/bridge.js'],
      matches,
      runAt: 'document_start',
      world: 'MAIN',
      allFrames: false,
      persistAcrossSessions: true,
    },
    {
      id: SCRIPT_IDS.capture,
      js: ['capture.js'],
      matches,
      // Only the MAIN-world bridge must be there before the page's scripts; the capture script is needed once a
      // user can interact, so it stays off the page's critical loading path.
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  return matches;
}
