import { useRef, useState, type FormEvent } from 'react';
import { dashboardPatternError } from '@/lib/watch/dashboard-pattern-error';
import { ensureOrigin, originOf } from '@/lib/watch/origin-access';
import { useOriginGranted } from '@/lib/options/use-origin-granted';
import { addWatched } from '@/lib/watch/watched-edits';
import { workspaceSource } from '@/lib/options/workspace-source';
import { focusLost } from '@/lib/focus-lost';
import type { WatchedDashboard } from '@/lib/storage';
import { StatusMessage, type Status } from './StatusMessage';
import { TextField } from './TextField';

const PLACEHOLDER = 'https://app.example.com/:workspace/settings*';

/** Adds a watched dashboard, asking for access to its site from the click itself. */
export function AddDashboardForm({ watched }: { watched: WatchedDashboard[] }) {
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const origin = originOf(pattern);
  const granted = useOriginGranted(origin);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setStatus(null);
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
        setStatus({ tone: 'ok', text: `Watching ${pattern}` });
        // The field, emptied, is ready for the next dashboard; unless the user has gone elsewhere meanwhile.
        if (focusLost() || form.contains(document.activeElement)) field.current?.focus();
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
        ref={field}
        label="Dashboard URL pattern"
        placeholder={PLACEHOLDER}
        autoComplete="off"
        spellCheck={false}
        value={pattern}
        onChange={(next) => {
          setPattern(next);
          setError(null);
          setStatus(null);
        }}
        error={error}
        help={
          origin
            ? `Workspace: ${workspaceSource(pattern)}`
            : 'Use * for any text and :workspace for one path segment.'
        }
        trailing={
          // aria-disabled rather than disabled while it adds: a disabled button would drop the focus.
          <button type="submit" className="primary" aria-disabled={busy}>
            Add
          </button>
        }
      />
      <StatusMessage status={status} />
    </form>
  );
}
