import { useRef, useState } from 'react';
import { outcomeText } from '../../lib/popup/outcome-text';
import { reportSummary } from '../../lib/popup/report-summary';
import { formatValue } from '../../lib/popup/format-value';
import { useFocusWhenGone } from '../../lib/popup/use-focus-when-gone';
import type { ApplyReport } from '../../lib/messaging/apply-report';
import { BusyButton } from './BusyButton';
import { ShowUnchangedToggle } from './ShowUnchangedToggle';
import { StaleTabsNotice } from './StaleTabsNotice';

interface Props {
  report: ApplyReport;
  undone: boolean;
  busy: boolean;
  /** The report's stale tabs were reloaded. */
  reloaded: boolean;
  onUndo: () => void;
  onReload: () => void;
  onDone: () => void;
}

const GOOD = new Set(['applied', 'unchanged']);

/** What the dashboard kept of a restore, field by field, with "Undo restore" back to the state before it. */
export function RestoreReportPanel({ report, undone, busy, reloaded, onUndo, onReload, onDone }: Props) {
  const summary = reportSummary(report, undone);
  const failed = !!report.saveError;
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // "Undo restore" is gone once it has worked: the line that says so takes the focus, so the next Tab stays here.
  const pressedUndo = useFocusWhenGone(Boolean(report.undoId) && !undone, summaryRef);
  // A large section (DokuWiki's configuration: 169 fields) lists what the restore touched; the fields it left
  // alone on request, as the preview does.
  const [showSkipped, setShowSkipped] = useState(false);
  const skipped = report.fields.filter((field) => field.outcome === 'skipped').length;
  // Fields the restore set over a save this browser had not seen: Undo puts them back.
  const replaced = report.fields.filter((field) => field.replaced !== undefined).length;
  const listed = showSkipped ? report.fields : report.fields.filter((field) => field.outcome !== 'skipped');
  return (
    <>
      <p
        ref={summaryRef}
        tabIndex={-1}
        className={`report-summary ${failed ? 'tone-error' : ''}`}
        role={failed ? 'alert' : undefined}
      >
        {summary}
      </p>
      {report.request ? (
        <p className="panel-sub" data-testid="report-request">
          Sent{' '}
          <code>
            {report.request.method} {report.request.url}
          </code>
          {report.verifiedBy === 're-read'
            ? ', then read the settings back from the dashboard.'
            : report.verifiedBy === 'response'
              ? '; the dashboard accepted it (it offers no way to read the settings back).'
              : '.'}
        </p>
      ) : report.verifiedBy === 're-read' || report.verifiedBy === 'page' ? (
        <p className="panel-sub" data-testid="report-request">
          Saved with the page’s own Save, then read the settings back from{' '}
          {report.verifiedBy === 'page' ? 'the page the dashboard answered with' : 'the dashboard'}.
        </p>
      ) : null}
      {replaced && !undone ? (
        <p className="panel-sub" data-testid="report-replaced">
          {replaced === 1 ? '1 field' : `${replaced} fields`} replaced a newer save made elsewhere (in another
          tab or by a teammate) since the page loaded
          {report.undoId ? `: Undo restore puts ${replaced === 1 ? 'it' : 'them'} back.` : '.'}
        </p>
      ) : null}
      {report.staleTabs?.length ? (
        <StaleTabsNotice tabs={report.staleTabs} reloaded={reloaded} onReload={onReload} />
      ) : null}
      <table className="changes">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((field) => (
            <tr key={field.key}>
              <th scope="row">{field.label}</th>
              <td>
                <span className={`outcome outcome-${field.outcome} ${GOOD.has(field.outcome) ? 'good' : ''}`}>
                  {outcomeText(field.outcome, undone)}
                </span>
                {field.outcome === 'changed-by-dashboard' && field.actual !== undefined ? (
                  <span className="hint"> (now {formatValue(field.actual, field.texts)})</span>
                ) : null}
                {field.replaced !== undefined ? (
                  <span className="hint">
                    {' '}
                    (replaced “{formatValue(field.replaced, field.replacedTexts)}”, a newer save made
                    elsewhere)
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowUnchangedToggle hidden={skipped} checked={showSkipped} onChange={setShowSkipped} />
      <div className="row panel-actions">
        {report.undoId && !undone ? (
          <BusyButton
            className="button"
            busy={busy}
            busyText="Undoing…"
            onPress={() => {
              pressedUndo();
              onUndo();
            }}
          >
            Undo restore
          </BusyButton>
        ) : null}
        <button type="button" className="button primary" onClick={onDone} disabled={busy}>
          Done
        </button>
      </div>
    </>
  );
}
