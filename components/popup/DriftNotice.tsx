import { useLayoutEffect, useRef } from 'react';
import { humanize } from '../../lib/capture/field-label';
import { focusLost } from '../../lib/focus-lost';
import type { Drift } from '../../lib/storage';
import { absoluteTime, sinceTime } from '../../lib/time';
import { BusyButton } from './BusyButton';
import { Notice } from './Notice';

interface Props {
  /** What the page shows that its latest backups do not; null once none differs. */
  drift: Drift | null;
  canCapture: boolean;
  capturing: boolean;
  /** What "Capture changes" did, once it has (the notice then says so in its place). */
  captured: { ok: boolean; text: string } | null;
  onCapture: () => void;
  onReview: (backupId: string) => void;
}

/**
 * "3 fields changed since 10:42" (or "since 3 Dec, 10:42"): the page differs from the latest backups; capture it or
 * review the changes. Once "Capture changes" has captured them, the notice says what it captured in their place and
 * takes the focus its button had.
 */
export function DriftNotice({ drift, canCapture, capturing, captured, onCapture, onReview }: Props) {
  if (!drift) return captured ? <DriftCaptured captured={captured} /> : null;
  const [first] = drift.sections;
  return (
    <section className="panel drift" aria-label="Changes since the last backup">
      <p>
        <strong>
          {drift.changed} {drift.changed === 1 ? 'field' : 'fields'} changed
        </strong>{' '}
        since <time title={absoluteTime(drift.since)}>{sinceTime(drift.since)}</time>
        <span className="hint">
          {' '}
          ({drift.sections.map((section) => section.title || humanize(section.type)).join(', ')})
        </span>
      </p>
      {captured && !captured.ok ? <Notice tone="error">{captured.text}</Notice> : null}
      <div className="row">
        <BusyButton busy={capturing} busyText="Capturing…" unavailable={!canCapture} onPress={onCapture}>
          Capture changes
        </BusyButton>
        {/* One section: "Review changes". Several: a button for each, so none of their changes is out of reach. */}
        {drift.sections.length === 1 && first ? (
          <button type="button" className="button small" onClick={() => onReview(first.backupId)}>
            Review changes
          </button>
        ) : (
          drift.sections.map((section) => (
            <button
              key={section.backupId}
              type="button"
              className="button small"
              onClick={() => onReview(section.backupId)}
            >
              Review {section.title || humanize(section.type)}
            </button>
          ))
        )}
      </div>
    </section>
  );
}

/** What "Capture changes" captured, where the notice was: it takes the focus the notice's button took with it. */
function DriftCaptured({ captured }: { captured: { ok: boolean; text: string } }) {
  const panel = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (focusLost()) panel.current?.focus();
  }, []);
  return (
    <section className="panel drift" aria-label="Changes since the last backup" tabIndex={-1} ref={panel}>
      <Notice tone={captured.ok ? 'ok' : 'error'}>{captured.text}</Notice>
    </section>
  );
}
