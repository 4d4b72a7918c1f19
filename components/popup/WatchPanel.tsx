import type { useWatchDashboard } from '../../lib/popup/use-watch-dashboard';
import { MANAGED } from '../../lib/watch/managed';
import { Notice } from './Notice';

interface Props {
  watch: ReturnType<typeof useWatchDashboard>;
  /** The tab shows an http(s) page that is not watched. */
  unwatched: boolean;
}

/** "This page is not watched" with a proposed, editable pattern; then a reminder to reload the page. */
export function WatchPanel({ watch, unwatched }: Props) {
  if (!unwatched && !watch.message) return null;
  return (
    <section className="panel watch-panel" aria-label="Watch this dashboard">
      {watch.justWatched ? (
        <div className="row">
          <Notice tone="ok">{watch.message?.text}</Notice>
          <button type="button" className="button small" onClick={() => void watch.reloadPage()}>
            Reload page
          </button>
        </div>
      ) : unwatched && watch.editing && !watch.locked ? (
        <form
          className="watch-form"
          onSubmit={(event) => {
            event.preventDefault();
            void watch.watch();
          }}
        >
          <label htmlFor="watch-pattern">Dashboard URL pattern</label>
          <input
            id="watch-pattern"
            type="text"
            spellCheck={false}
            value={watch.pattern}
            onChange={(event) => watch.setPattern(event.target.value)}
            aria-invalid={watch.patternProblem ? true : undefined}
            aria-describedby="watch-pattern-hint"
          />
          <p id="watch-pattern-hint" className="hint">
            {watch.patternProblem ?? ':workspace marks the workspace in the path; * matches anything.'}
          </p>
          <div className="row">
            <button
              type="submit"
              className="button primary small"
              disabled={watch.busy || !!watch.patternProblem}
            >
              Watch
            </button>
            <button type="button" className="button small" onClick={watch.cancel}>
              Cancel
            </button>
          </div>
          {watch.message && !watch.message.ok ? <Notice tone="error">{watch.message.text}</Notice> : null}
        </form>
      ) : unwatched ? (
        <div className="row">
          <p className="watch-title">This page is not watched</p>
          {watch.locked ? (
            <span className="hint">{MANAGED}</span>
          ) : (
            <button type="button" className="button primary small" onClick={watch.begin}>
              Watch this dashboard
            </button>
          )}
        </div>
      ) : (
        <Notice tone={watch.message?.ok ? 'muted' : 'error'}>{watch.message?.text}</Notice>
      )}
    </section>
  );
}
