import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { RestoreReportPanel } from '../../../components/popup/RestoreReportPanel';
import type { ApplyReport, FieldReport } from '../../../lib/messaging/apply-report';
import { render } from '../support/render-react';

const skipped = (n: number): FieldReport => ({
  key: `setting${n}`,
  label: `Setting ${n}`,
  outcome: 'skipped',
  expected: 'on',
});

/** A report as DokuWiki's Configuration Manager gives one: 2 settings restored, 167 left as they were. */
function report(extra: Partial<ApplyReport> = {}): ApplyReport {
  return {
    type: 'config',
    title: 'Configuration Manager',
    savedVia: 'control',
    fields: [
      skipped(1),
      { key: 'title', label: 'Wiki title', outcome: 'applied', expected: 'Old' },
      ...Array.from({ length: 166 }, (_, i) => skipped(i + 2)),
      { key: 'breadcrumbs', label: 'Breadcrumbs', outcome: 'unchanged', expected: '5' },
    ],
    ...extra,
  };
}

function panel(shown: ApplyReport) {
  return render(
    <RestoreReportPanel
      report={shown}
      undone={false}
      busy={false}
      onUndo={() => undefined}
      onDone={() => undefined}
    />,
  );
}

const rowNames = (container: HTMLElement) =>
  [...container.querySelectorAll('tbody th')].map((cell) => cell.textContent);

describe('the report of a restore of a large section', () => {
  it('lists the fields the restore touched, and the ones it left alone only on request', () => {
    const container = panel(report());
    expect(rowNames(container)).toEqual(['Wiki title', 'Breadcrumbs']);
    const toggle = container.querySelector<HTMLInputElement>('label.check input');
    expect(toggle?.parentElement?.textContent).toBe('Show 167 unchanged');
    act(() => toggle?.click());
    expect(rowNames(container)).toHaveLength(169);
  });

  it('has no toggle when every field was restored', () => {
    const container = panel(
      report({ fields: report().fields.filter((field) => field.outcome !== 'skipped') }),
    );
    expect(container.querySelector('label.check')).toBeNull();
  });
});
