import { useState, type FormEvent } from 'react';
import { dashboardPatternError } from '@/lib/watch/dashboard-pattern-error';
import { formatLeftOut, parseLeftOut } from '@/lib/options/left-out-list';
import { ensureOrigin, originOf } from '@/lib/watch/origin-access';
import { savePatternError } from '@/lib/watch/save-pattern-error';
import { useOriginGranted } from '@/lib/options/use-origin-granted';
import { updateWatched } from '@/lib/watch/watched-edits';
import { workspaceSource } from '@/lib/options/workspace-source';
import type { WatchedDashboard } from '@/lib/storage';
import { TextField } from './TextField';

interface DashboardEditFormProps {
  dashboard: WatchedDashboard;
  watched: WatchedDashboard[];
  onDone(): void;
}

/** Edits one of the user's dashboards: its pattern, its save request pattern and extra fields to leave out. */
export function DashboardEditForm({ dashboard, watched, onDone }: DashboardEditFormProps) {
  const [pattern, setPattern] = useState(dashboard.pattern);
  const [savePattern, setSavePattern] = useState(dashboard.savePattern ?? '');
  const [leftOut, setLeftOut] = useState(formatLeftOut(dashboard.extraLeftOut));
  const [workspace, setWorkspace] = useState(dashboard.workspace ?? '');
  const [patternProblem, setPatternProblem] = useState<string | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const origin = originOf(pattern);
  const granted = useOriginGranted(origin);

  async function save(event: FormEvent) {
    event.preventDefault();
    const invalidPattern = dashboardPatternError(pattern, watched, dashboard.id);
    const invalidSave = savePatternError(savePattern);
    setPatternProblem(invalidPattern);
    setSaveProblem(invalidSave);
    if (invalidPattern || invalidSave || !origin) return;
    try {
      // A new site needs its own permission, asked for from this click (see ensureOrigin).
      const unchanged = origin === originOf(dashboard.pattern);
      if (await ensureOrigin(origin, unchanged || granted === true)) {
        await updateWatched(dashboard.id, {
          pattern,
          savePattern,
          extraLeftOut: parseLeftOut(leftOut),
          workspace,
        });
        onDone();
      } else {
        setPatternProblem('Permission was not granted');
      }
    } catch (caught) {
      setPatternProblem(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <form
      className="edit-dashboard"
      onSubmit={(event) => void save(event)}
      // Escape answers Cancel, as it does the confirm beside it.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
      noValidate
    >
      <TextField
        label="URL pattern"
        // Shown only when the user pressed Edit: its first field takes the focus from the button it replaced.
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={pattern}
        onChange={setPattern}
        error={patternProblem}
        help={origin ? `Workspace: ${workspaceSource(pattern, workspace.trim())}` : undefined}
      />
      <TextField
        label="Workspace"
        placeholder="acme"
        autoComplete="off"
        spellCheck={false}
        value={workspace}
        onChange={setWorkspace}
        help="Optional. The workspace its backups belong to in Convex, e.g. one your access key covers; empty takes it from the URL."
      />
      <TextField
        label="Save request pattern"
        placeholder="/api/settings*"
        autoComplete="off"
        spellCheck={false}
        value={savePattern}
        onChange={setSavePattern}
        error={saveProblem}
        help="Optional. Only requests matching it count as saves; empty means any save request to the dashboard's site."
      />
      <TextField
        label="Extra fields to leave out"
        placeholder="apiToken, webhookSecret"
        autoComplete="off"
        spellCheck={false}
        value={leftOut}
        onChange={setLeftOut}
        help="Comma-separated field names, left out on top of passwords and other secrets."
      />
      <div className="actions">
        <button type="submit" className="primary">
          Save dashboard
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
