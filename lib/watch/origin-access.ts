import { browser } from 'wxt/browser';
import type { WatchedDashboard } from '../storage';
import { compileDashboardPattern } from '../watch/dashboard-pattern';

/** The origin permission a dashboard pattern needs (e.g. `https://app.example.com/*`), or null when invalid. */
export function originOf(pattern: string): string | null {
  try {
    return compileDashboardPattern(pattern).originPattern;
  } catch {
    return null;
  }
}

/**
 * Asks for an origin unless `contains` already said it is granted. Not async on purpose: the request must start
 * synchronously inside the click handler, because Firefox (and Chrome once the gesture expires) refuses a
 * `permissions.request` made after an await.
 */
export function ensureOrigin(origin: string, knownGranted: boolean): Promise<boolean> {
  if (knownGranted) return Promise.resolve(true);
  return browser.permissions.request({ origins: [origin] });
}

/** Gives back an origin permission no remaining dashboard needs. */
export async function releaseOrigin(origin: string | null, remaining: WatchedDashboard[]): Promise<void> {
  if (!origin || remaining.some((entry) => originOf(entry.pattern) === origin)) return;
  try {
    await browser.permissions.remove({ origins: [origin] });
  } catch {
    // A host the manifest requires (the test build's 127.0.0.1) cannot be removed; nothing else to do.
  }
}
