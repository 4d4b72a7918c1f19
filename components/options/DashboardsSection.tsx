import { useRef } from 'react';
import { useFocusAfterRemoval } from '@/lib/options/use-focus-after-removal';
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
  const list = useRef<HTMLUListElement>(null);
  const section = useRef<HTMLDivElement>(null);
  // A dashboard removed from the keyboard: the focus goes to the one now in its place, or to the Add form's field.
  const onListFocus = useFocusAfterRemoval(
    watched.map((dashboard) => dashboard.id),
    list,
    (item) => item.querySelector('.actions button'),
    () => section.current?.querySelector<HTMLInputElement>('.add-dashboard input'),
  );
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
        <ul className="dashboards" ref={list} onFocus={onListFocus}>
          {watched.map((dashboard) => (
            <DashboardItem key={dashboard.id} dashboard={dashboard} watched={watched} locked={locked} />
          ))}
        </ul>
      )}
      <div ref={section}>{locked ? null : <AddDashboardForm watched={watched} />}</div>
    </Section>
  );
}
