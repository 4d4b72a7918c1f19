import { useEffect, useRef } from 'react';
import { focusLost } from '../../lib/focus-lost';
import type { useWatchDashboard } from '../../lib/popup/use-watch-dashboard';
import { MANAGED } from '../../lib/watch/managed';
import { BusyButton } from './BusyButton';
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
          {/* Shown only after the user's own Watch, which took the focus with its form. */}
          <button type="button" className="button small" autoFocus onClick={() => void watch.reloadPage()}>
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
          {/* Shown only after the user asked to watch this page. */}
          <input
            autoFocus
            id="watch-pattern"
            type="text"
            spellCheck={false}
            value={watch.pattern}
            onChange={(event) => watch.setPattern(event.target.value)}
            aria-invalid={watch.patternProblem ? true : undefined}
            aria-describedby="watch-pattern-hint"
          />
          {/* What is wrong with the pattern shows as an error, and is read out as it changes. */}
          <p
            id="watch-pattern-hint"
            className={watch.patternProblem ? 'hint tone-error' : 'hint'}
            aria-live="polite"
          >
            {watch.patternProblem ?? ':workspace marks the workspace in the path; * matches anything.'}
          </p>
          <div className="row">
            <BusyButton
              type="submit"
              className="button primary small"
              busy={watch.busy}
              busyText="Watching…"
              unavailable={!!watch.patternProblem}
            >
              Watch
            </BusyButton>
            <button type="button" className="button small" onClick={watch.cancel}>
              Cancel
            </button>
          </div>
          {watch.message && !watch.message.ok ? <Notice tone="error">{watch.message.text}</Notice> : null}
        </form>
      ) : unwatched ? (
        <NotWatched watch={watch} />
      ) : (
        <Notice tone={watch.message?.ok ? 'muted' : 'error'}>{watch.message?.text}</Notice>
      )}
    </section>
  );
}

/** "This page is not watched" and its button, which takes the focus back after the user's own Unwatch or Cancel. */
function NotWatched({ watch }: { watch: Props['watch'] }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (watch.returned && focusLost()) button.current?.focus();
  }, [watch.returned]);
  return (
    <div className="row">
      <p className="watch-title" id="watch-state">
        {watch.justUnwatched ? watch.message?.text : 'This page is not watched'}
      </p>
      {watch.locked ? (
        <span className="hint">{MANAGED}</span>
      ) : (
        <button
          type="button"
          className="button primary small"
          onClick={watch.begin}
          ref={button}
          aria-describedby={watch.justUnwatched ? 'watch-state' : undefined}
        >
          Watch this dashboard
        </button>
      )}
    </div>
  );
}
