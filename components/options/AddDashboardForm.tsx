import { useState, type FormEvent } from 'react';
import { dashboardPatternError } from '@/lib/watch/dashboard-pattern-error';
import { ensureOrigin, originOf } from '@/lib/watch/origin-access';
import { useOriginGranted } from '@/lib/options/use-origin-granted';
import { addWatched } from '@/lib/watch/watched-edits';
import { workspaceSource } from '@/lib/options/workspace-source';
import type { WatchedDashboard } from '@/lib/storage';
import { TextField } from './TextField';

const PLACEHOLDER = 'https://app.example.com/:workspace/settings*';

/** Adds a watched dashboard, asking for access to its site from the click itself. */
export function AddDashboardForm({ watched }: { watched: WatchedDashboard[] }) {
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const origin = originOf(pattern);
  const granted = useOriginGranted(origin);

  async function add(event: FormEvent) {
    event.preventDefault();
    const invalid = dashboardPatternError(pattern, watched);
    if (invalid || !origin) {
      setError(invalid ?? 'Enter a dashboard URL pattern');
      return;
    }
    setBusy(true);
    try {
      // ensureOrigin is the first await: the permission prompt needs the click's user gesture.
      if (await ensureOrigin(origin, granted === true)) {
        await addWatched(pattern);
        setPattern('');
        setError(null);
      } else {
        setError('Permission was not granted');
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-dashboard" onSubmit={(event) => void add(event)} noValidate>
      <TextField
        label="Dashboard URL pattern"
        placeholder={PLACEHOLDER}
        autoComplete="off"
        spellCheck={false}
        value={pattern}
        onChange={(next) => {
          setPattern(next);
          setError(null);
        }}
        error={error}
        help={
          origin
            ? `Workspace: ${workspaceSource(pattern)}`
            : 'Use * for any text and :workspace for one path segment.'
        }
        trailing={
          <button type="submit" className="primary" disabled={busy}>
            Add
          </button>
        }
      />
    </form>
  );
}
