import { useCallback, useEffect, useState } from 'react';
import { readWatched, watchedItem, type WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';
import { firstRead } from './first-reads';
import { readTargetTab, type TargetTab } from './target-tab';

/** The popup's target tab and how it relates to the watched dashboards. */
export interface Target {
  loading: boolean;
  tab: TargetTab | null;
  watched: WatchedDashboard[];
  /** The watched dashboard the tab shows, with its workspace, or null. */
  match: { dashboard: WatchedDashboard; workspace: string } | null;
  /** Whether the tab shows an http(s) page that could be watched. */
  watchable: boolean;
}

/** Follows the target tab and the watched dashboards (they change when the user watches or unwatches). */
export function useTarget(): Target & { refreshTab: () => void } {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [watched, setWatched] = useState<WatchedDashboard[] | null>(null);
  const [tabLoaded, setTabLoaded] = useState(false);

  const refreshTab = useCallback(() => {
    firstRead('tab', () => readTargetTab()).then(
      (found) => {
        setTab(found);
        setTabLoaded(true);
      },
      () => setTabLoaded(true),
    );
  }, []);

  useEffect(() => {
    let live = true;
    refreshTab();
    const load = () => void firstRead('watched', readWatched).then((list) => live && setWatched(list));
    load();
    const unwatch = watchedItem.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [refreshTab]);

  const list = watched ?? [];
  const match = tab?.url ? findDashboard(list, tab.url) : null;
  return {
    loading: !tabLoaded || watched === null,
    tab,
    watched: list,
    match,
    watchable: !!tab && /^https?:\/\//i.test(tab.url),
    refreshTab,
  };
}
