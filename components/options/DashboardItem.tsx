import { useLayoutEffect, useRef, useState } from 'react';
import { focusLost } from '@/lib/focus-lost';
import { useConfirmFocus } from '@/lib/popup/use-confirm-focus';
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
  const removeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Remove asks first, as the popup's Unwatch does: what goes with the dashboard (its save pattern, fields left
  // out, requests marked not a save) cannot be brought back by watching it again.
  const [confirming, setConfirming] = useState<'remove' | null>(null);
  const confirm = useConfirmFocus(confirming, () => setConfirming(null), cancelButton, {
    remove: removeButton,
  });
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
        {editable && confirming ? (
          // Keyed apart from the buttons it replaces (see useConfirmFocus).
          <span
            key="confirm"
            className="confirm"
            role="group"
            aria-label={`Confirm remove ${dashboard.pattern}`}
            onKeyDown={confirm.onKeyDown}
          >
            <span>Stop watching it? Its backups stay; its settings here go.</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove
            </button>
            <button type="button" onClick={confirm.cancel} ref={cancelButton}>
              Cancel
            </button>
          </span>
        ) : editable ? (
          <span key="actions" className="actions-group">
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
              onClick={() => setConfirming('remove')}
              ref={removeButton}
            >
              Remove
            </button>
          </span>
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
