import type { ApplyReport } from '../messaging/apply-report';

/**
 * The one line above a restore report: how many fields came back, or why the save failed. After "Undo restore"
 * (`undone`, the report is the undo's), what the undo put back, or that it failed.
 */
export function reportSummary(report: ApplyReport, undone = false): string {
  if (undone) {
    const summary = restoreSummary(report);
    if (report.saveError) return `Undo failed: ${lowerFirst(summary)}`;
    return `Undone: ${summary.replace(/ restored$/, ' put back as before the restore')}`;
  }
  return restoreSummary(report);
}

function restoreSummary(report: ApplyReport): string {
  if (
    (report.savedVia === 'none' || report.fields.some((field) => field.outcome === 'not-saved')) &&
    report.saveError
  )
    return `Nothing was saved: ${lowerFirst(report.saveError)}`;
  // A save request says how ("HTTP 422: …"), and so does a form post the dashboard answered with an error status;
  // otherwise the page's own save says only that it was not accepted.
  // The save went out and nothing came back: the dashboard may have kept it, or not.
  if (report.saveError && report.fields.some((field) => field.outcome === 'unconfirmed'))
    return `Could not confirm the save (${lowerFirst(report.saveError)}): check the dashboard to see whether it was applied`;
  if (report.saveError)
    return report.savedVia === 'request' || /^HTTP \d{3}\b/.test(report.saveError)
      ? `Save was rejected by the dashboard (${report.saveError})`
      : 'Save was rejected by the dashboard';
  const relevant = report.fields.filter((field) => field.outcome !== 'skipped');
  const good = relevant.filter((field) => field.outcome === 'applied' || field.outcome === 'unchanged');
  if (relevant.length === 0) return 'No fields were restored';
  return `${good.length} of ${relevant.length} ${relevant.length === 1 ? 'field' : 'fields'} restored`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
