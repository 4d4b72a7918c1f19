import { useLayoutEffect, useRef, useState } from 'react';
import { focusLost } from '@/lib/focus-lost';
import { formatLeftOut } from '@/lib/options/left-out-list';
import { ensureOrigin, originOf } from '@/lib/watch/origin-access';
import { useOriginGranted } from '@/lib/options/use-origin-granted';
import { removeIgnoreRule, removeWatched } from '@/lib/watch/watched-edits';
import { workspaceSource } from '@/lib/options/workspace-source';
import type { WatchedDashboard } from '@/lib/storage';
import { DashboardEditForm } from './DashboardEditForm';
import { IgnoreRuleList } from './IgnoreRuleList';
import { ManagedBadge } from './ManagedBadge';

interface DashboardItemProps {
  dashboard: WatchedDashboard;
  watched: WatchedDashboard[];
  /** The policy locks the whole list: nothing can be edited or removed. */
  locked: boolean;
}

/** One watched dashboard: its pattern and workspace, access to its site, and Edit/Remove unless managed. */
export function DashboardItem({ dashboard, watched, locked }: DashboardItemProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the edit form (Save or Cancel) takes its focus with it: it goes back to Edit, where it was before.
  const returning = useRef(false);
  useLayoutEffect(() => {
    if (editing || !returning.current) return;
    returning.current = false;
    if (focusLost()) editButton.current?.focus();
  }, [editing]);
  const [error, setError] = useState<string | null>(null);
  const origin = originOf(dashboard.pattern);
  const granted = useOriginGranted(origin);
  const editable = !dashboard.managed && !locked;

  async function allow() {
    if (!origin) return;
    const allowed = await ensureOrigin(origin, false);
    setError(allowed ? null : 'Permission was not granted');
  }

  async function remove() {
    try {
      await removeWatched(dashboard.id);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  if (editing) {
    return (
      <li className="dashboard">
        <DashboardEditForm
          dashboard={dashboard}
          watched={watched}
          onDone={() => {
            returning.current = true;
            setEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li className="dashboard">
      <div className="dashboard-head">
        <code className="pattern">{dashboard.pattern}</code>
        {dashboard.managed ? <ManagedBadge /> : null}
      </div>
      <ul className="facts">
        <li>{workspaceSource(dashboard.pattern, dashboard.workspace)}</li>
        {dashboard.savePattern ? (
          <li>
            Saves: <code>{dashboard.savePattern}</code>
          </li>
        ) : null}
        {dashboard.extraLeftOut.length > 0 ? (
          <li>Also left out: {formatLeftOut(dashboard.extraLeftOut)}</li>
        ) : null}
        <IgnoreRuleList
          rules={dashboard.ignoreRules ?? []}
          onRemove={editable ? (rule) => removeIgnoreRule(dashboard.id, rule) : undefined}
          onError={setError}
          focusWhenEmpty={() => editButton.current}
        />
        {granted === false ? <li className="warning">Savepoint has no access to this site yet</li> : null}
      </ul>
      <div className="actions">
        {granted === false ? (
          <button type="button" aria-label={`Allow access to ${origin}`} onClick={() => void allow()}>
            Allow access
          </button>
        ) : null}
        {editable ? (
          <>
            <button
              type="button"
              aria-label={`Edit ${dashboard.pattern}`}
              onClick={() => setEditing(true)}
              ref={editButton}
            >
              Edit
            </button>
            <button
              type="button"
              className="danger"
              aria-label={`Remove ${dashboard.pattern}`}
              onClick={() => void remove()}
            >
              Remove
            </button>
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
