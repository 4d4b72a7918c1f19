import { isWatchedListLocked } from '@/lib/watch/watched-edits';
import type { Settings, WatchedDashboard } from '@/lib/storage';
import { AddDashboardForm } from './AddDashboardForm';
import { DashboardItem } from './DashboardItem';
import { ManagedBadge } from './ManagedBadge';
import { Section } from './Section';

/** The dashboards Savepoint watches, each editable unless managed, and the form that adds one. */
export function DashboardsSection({
  settings,
  watched,
}: {
  settings: Settings;
  watched: WatchedDashboard[];
}) {
  const locked = isWatchedListLocked(settings);
  return (
    <Section id="dashboards" title="Watched dashboards">
      <p className="intro">
        Savepoint backs up a dashboard&apos;s settings each time you save them on a page matching one of these
        URL patterns. Put <code>:workspace</code> in the path to name the workspace after that part of the
        URL.
        {locked ? (
          <>
            {' '}
            <ManagedBadge />
          </>
        ) : null}
      </p>
      {watched.length === 0 ? (
        <p className="empty">No dashboards watched yet.</p>
      ) : (
        <ul className="dashboards">
          {watched.map((dashboard) => (
            <DashboardItem key={dashboard.id} dashboard={dashboard} watched={watched} locked={locked} />
          ))}
        </ul>
      )}
      {locked ? null : <AddDashboardForm watched={watched} />}
    </Section>
  );
}
