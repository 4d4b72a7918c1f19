import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readSettings, settingsItem, type WatchedDashboard } from '../storage';
import { patternError } from '../watch/dashboard-pattern';
import { ensureOrigin, originOf } from '../watch/origin-access';
import { MANAGED } from '../watch/managed';
import { addWatched, isWatchedListLocked, removeWatched } from '../watch/watched-edits';
import { proposePattern } from './propose-pattern';
import type { Target } from './use-target';

const UNWATCHED = 'No longer watching this dashboard.';

/** Whether the administrator locks the watched list, followed as the managed policy changes. */
function useWatchedListLocked(): boolean {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      void readSettings().then(
        (settings) => live && setLocked(isWatchedListLocked(settings)),
        () => undefined,
      );
    load();
    const unwatch = settingsItem.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return locked;
}

/**
 * "Watch this dashboard" (origin permission, then a new watched entry) and "Unwatch" for the target tab, through
 * the same edits as the options page, so a list the administrator locked stays as it is.
 */
export function useWatchDashboard(target: Target) {
  const locked = useWatchedListLocked();
  const [editing, setEditing] = useState(false);
  const [pattern, setPattern] = useState('');
  const [granted, setGranted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [justWatched, setJustWatched] = useState(false);
  const [confirmingUnwatch, setConfirmingUnwatch] = useState(false);
  /** The user just left the pattern form or unwatched: "Watch this dashboard" takes the focus back. */
  const [returned, setReturned] = useState(false);
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
    setReturned(false);
    setEditing(true);
  }

  async function watch() {
    if (busy) return;
    if (locked) {
      setMessage({ ok: false, text: MANAGED });
      return;
    }
    const error = patternError(pattern);
    if (error || !origin) {
      setMessage({ ok: false, text: error ?? 'Enter a URL pattern' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const allowed = await ensureOrigin(origin, granted);
      if (!allowed) {
        setMessage({ ok: false, text: 'Savepoint needs access to this site to watch it.' });
        return;
      }
      await addWatched(pattern);
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
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await removeWatched(dashboard.id);
      setJustWatched(false);
      setConfirmingUnwatch(false);
      setReturned(true);
      setMessage({ ok: true, text: UNWATCHED });
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
    /** The administrator locks the watched list: nothing here may watch or unwatch. */
    locked,
    editing,
    pattern,
    setPattern,
    patternProblem: pattern ? patternError(pattern) : null,
    busy,
    message,
    justWatched,
    /** Unwatched from this popup a moment ago (and not asked to watch it again since). */
    justUnwatched: returned && message?.text === UNWATCHED,
    /** "Watch this dashboard" is back after the user's own Unwatch or Cancel: it takes the focus. */
    returned,
    confirmingUnwatch,
    askUnwatch: () => setConfirmingUnwatch(true),
    cancelUnwatch: () => setConfirmingUnwatch(false),
    begin,
    cancel: () => {
      setEditing(false);
      setReturned(true);
    },
    watch,
    unwatch,
    reloadPage,
  };
}
