import { humanize } from '../../lib/capture/field-label';
import type { Drift } from '../../lib/storage';
import { absoluteTime, sinceTime } from '../../lib/time';

interface Props {
  drift: Drift;
  canCapture: boolean;
  onCapture: () => void;
  onReview: (backupId: string) => void;
}

/** "3 fields changed since 10:42" (or "since 3 Dec, 10:42"): the page differs from the latest backups; capture it or review the changes. */
export function DriftNotice({ drift, canCapture, onCapture, onReview }: Props) {
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
      <div className="row">
        <button type="button" className="button small" onClick={onCapture} disabled={!canCapture}>
          Capture changes
        </button>
        {first ? (
          <button type="button" className="button small" onClick={() => onReview(first.backupId)}>
            Review changes
          </button>
        ) : null}
      </div>
    </section>
  );
}
