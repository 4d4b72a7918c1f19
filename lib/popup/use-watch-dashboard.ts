import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { writeWatched, type WatchedDashboard } from '../storage';
import { compileDashboardPattern, patternError } from '../watch/dashboard-pattern';
import { proposePattern } from './propose-pattern';
import type { Target } from './use-target';

function originOf(pattern: string): string | null {
  try {
    return compileDashboardPattern(pattern).originPattern;
  } catch {
    return null;
  }
}

/** "Watch this dashboard" (origin permission, then a new watched entry) and "Unwatch" for the target tab. */
export function useWatchDashboard(target: Target) {
  const [editing, setEditing] = useState(false);
  const [pattern, setPattern] = useState('');
  const [granted, setGranted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [justWatched, setJustWatched] = useState(false);
  const [confirmingUnwatch, setConfirmingUnwatch] = useState(false);
  const origin = originOf(pattern);

  // Known ahead of the click, so the click itself can ask for the permission first (a user gesture is needed).
  useEffect(() => {
    if (!origin) return;
    let live = true;
    browser.permissions.contains({ origins: [origin] }).then(
      (has) => live && setGranted(has),
      () => live && setGranted(false),
    );
    return () => {
      live = false;
    };
  }, [origin]);

  function begin() {
    setPattern(target.tab ? (proposePattern(target.tab.url) ?? '') : '');
    setMessage(null);
    setEditing(true);
  }

  async function watch() {
    const error = patternError(pattern);
    if (error || !origin) {
      setMessage({ ok: false, text: error ?? 'Enter a URL pattern' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const allowed = granted || (await browser.permissions.request({ origins: [origin] }));
      if (!allowed) {
        setMessage({ ok: false, text: 'Savepoint needs access to this site to watch it.' });
        return;
      }
      const entry: WatchedDashboard = {
        id: crypto.randomUUID(),
        pattern: pattern.trim(),
        extraLeftOut: [],
        managed: false,
      };
      await writeWatched([...target.watched, entry]);
      setEditing(false);
      setJustWatched(true);
      setMessage({ ok: true, text: 'Watching. Reload the page to start capturing.' });
    } catch (failure) {
      setMessage({ ok: false, text: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function unwatch(dashboard: WatchedDashboard) {
    setBusy(true);
    setMessage(null);
    try {
      const rest = target.watched.filter((entry) => entry.id !== dashboard.id);
      await writeWatched(rest);
      const dashboardOrigin = originOf(dashboard.pattern);
      if (dashboardOrigin && !rest.some((entry) => originOf(entry.pattern) === dashboardOrigin)) {
        // Hosts granted at install (test builds) cannot be removed; the entry is gone either way.
        await browser.permissions.remove({ origins: [dashboardOrigin] }).catch(() => false);
      }
      setJustWatched(false);
      setConfirmingUnwatch(false);
      setMessage({ ok: true, text: 'No longer watching this dashboard.' });
    } catch (failure) {
      setMessage({ ok: false, text: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function reloadPage() {
    if (!target.tab) return;
    await browser.tabs.reload(target.tab.id);
    setJustWatched(false);
    setMessage(null);
  }

  return {
    editing,
    pattern,
    setPattern,
    patternProblem: pattern ? patternError(pattern) : null,
    busy,
    message,
    justWatched,
    confirmingUnwatch,
    askUnwatch: () => setConfirmingUnwatch(true),
    cancelUnwatch: () => setConfirmingUnwatch(false),
    begin,
    cancel: () => setEditing(false),
    watch,
    unwatch,
    reloadPage,
  };
}
