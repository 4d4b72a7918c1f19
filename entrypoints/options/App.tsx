import { ConvexSection } from '@/components/options/ConvexSection';
import { DashboardsSection } from '@/components/options/DashboardsSection';
import { RetentionSection } from '@/components/options/RetentionSection';
import { useStoredValue } from '@/lib/options/use-stored-value';
import { readSettings, readWatched, settingsItem, watchedItem } from '@/lib/storage';

/** The options page: where backups go, which dashboards are watched, and how many backups are kept. */
export function App() {
  const settings = useStoredValue(settingsItem, readSettings);
  const watched = useStoredValue(watchedItem, readWatched);
  return (
    <main className="page">
      <header className="page-header">
        <h1>Savepoint settings</h1>
        <p>Backs up a dashboard&apos;s settings every time you save them, and puts them back in one click.</p>
      </header>
      {settings && watched ? (
        <>
          <ConvexSection settings={settings} />
          <DashboardsSection settings={settings} watched={watched} />
          <RetentionSection settings={settings} />
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
    </main>
  );
}
