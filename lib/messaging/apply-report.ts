import type { RESTORE_RESULTS } from '../../convex/sharedValues';
import type { FieldValue } from '../capture/snapshot';

/**
 * What happened to one field of a restore. `unconfirmed`: its save went out but got no answer (the connection
 * failed, the page closed or reloaded first, or nothing came in time), so whether the dashboard kept it is unknown.
 * `not-saved`: the page's Save sent no save request at all. `locked`: the page shows the field disabled (a setting
 * its host protects), so the restore left it alone and the form's save does not send it.
 */
export type FieldOutcome =
  | 'applied'
  | 'unchanged'
  | 'rejected'
  | 'unconfirmed'
  | 'not-saved'
  | 'changed-by-dashboard'
  | 'not-found'
  | 'locked'
  | 'skipped';

export interface FieldReport {
  key: string;
  label: string;
  outcome: FieldOutcome;
  expected: FieldValue;
  actual?: FieldValue;
  /** A drop-down's option texts by value, as the page showed them after the save (see `CapturedField.texts`). */
  texts?: Record<string, string>;
  /**
   * A newer save made elsewhere since the page loaded that the restore replaced, as the page showed it
   * (replaced-newer-saves.ts); with its drop-down's option texts.
   */
  replaced?: FieldValue;
  replacedTexts?: Record<string, string>;
}

/** A dashboard tab that still shows the settings from before a restore (see lib/background/stale-tabs.ts). */
export interface StaleTab {
  tabId: number;
  title: string;
}

/** The result of restoring one section, field by field. */
export interface ApplyReport {
  type: string;
  title: string;
  /** How the section was saved: through its own control, a replayed request, or not at all. */
  savedVia: 'control' | 'request' | 'none';
  saveError?: string;
  /** The dashboard's save request a restore sent, when it went by request (shown in the preview and report). */
  request?: { method: string; url: string };
  /**
   * How the kept values were checked: the resource read again, the page the dashboard answered a posted form with,
   * or only the dashboard's acceptance of the save.
   */
  verifiedBy?: 're-read' | 'page' | 'response';
  fields: FieldReport[];
  /** Id of the automatic backup of the state before the restore ("Undo restore" puts it back). */
  undoId?: string;
  /** The dashboard's tabs that still show the settings from before the restore: saving there would undo it. */
  staleTabs?: StaleTab[];
}

/** Overall verdict of a report: every field back, some, or none. */
export function reportResult(report: ApplyReport): (typeof RESTORE_RESULTS)[number] {
  const relevant = report.fields.filter((field) => field.outcome !== 'skipped');
  const good = relevant.filter(
    (field) => field.outcome === 'applied' || field.outcome === 'unchanged',
  ).length;
  if (report.savedVia === 'none' || good === 0) return relevant.length === 0 ? 'applied' : 'failed';
  return good === relevant.length ? 'applied' : 'partial';
}
