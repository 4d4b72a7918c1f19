// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
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

function panel(shown: ApplyReport, reloaded = false, onReload = () => undefined) {
  return render(
    <RestoreReportPanel
      report={shown}
      undone={false}
      busy={false}
      reloaded={reloaded}
      onUndo={() => undefined}
      onReload={onReload}
      onDone={() => undefined}
    />,
  );
}

const rowNames = (container: HTMLElement) =>
  [...container.querySelectorAll('tbody th')].map((cell) => cell.textContent);
const button = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll('button')].find((found) => found.textContent === name);

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

describe('a restore that left dashboard tabs showing the settings from before it', () => {
  const stale = report({ savedVia: 'request', staleTabs: [{ tabId: 7, title: 'Node-RED' }] });

  it('says that saving there would undo the restore, and reloads the tab only when asked', () => {
    const onReload = vi.fn();
    const container = panel(stale, false, onReload);
    const warning = container.querySelector('[data-testid="report-stale"]');
    expect(warning?.textContent).toContain('“Node-RED” still shows the settings from before the restore');
    expect(warning?.textContent).toContain('saving them there would undo it');
    expect(onReload).not.toHaveBeenCalled();
    act(() => button(container, 'Reload page')?.click());
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('names every tab, and reloads them all with one press', () => {
    const container = panel({
      ...stale,
      staleTabs: [
        { tabId: 7, title: 'Configuration' },
        { tabId: 8, title: 'Configuration (2)' },
      ],
    });
    expect(container.querySelector('[data-testid="report-stale"]')?.textContent).toContain(
      '2 tabs of this dashboard (“Configuration”, “Configuration (2)”) still show',
    );
    expect(button(container, 'Reload 2 pages')).toBeDefined();
  });

  it("shows a page's title without the bidi controls that would reorder it, and no longer than a line", () => {
    // A page names its own tab: "\u202E" would show "Settings ‮exe.gnp" reversed, as "Settings png.exe".
    const container = panel({
      ...stale,
      staleTabs: [{ tabId: 7, title: `Settings \u202Eexe.gnp${' and more'.repeat(40)}` }],
    });
    const text = container.querySelector('[data-testid="report-stale"] strong')?.textContent ?? '';
    expect(text).not.toMatch(/\p{Bidi_Control}/u);
    expect(text.startsWith('“Settings exe.gnp and more')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(84);
    expect(text.endsWith('…”')).toBe(true);
  });

  it('says when the tabs were reloaded, with no button left', () => {
    const container = panel(stale, true);
    expect(container.querySelector('[data-testid="report-stale"]')?.textContent).toContain('Reloaded');
    expect(button(container, 'Reload page')).toBeUndefined();
  });

  it('warns of nothing when no tab is left behind', () => {
    expect(panel(report()).querySelector('[data-testid="report-stale"]')).toBeNull();
  });
});

describe('the report of a restore over a save made since the preview (a teammate, another tab)', () => {
  it('names the value the restore replaced on its row, as the page shows it', () => {
    const replaced = report({
      fields: [
        {
          key: 'title',
          label: 'Wiki title',
          outcome: 'applied',
          expected: 'Old',
          replaced: "Teammate's title",
        },
        {
          key: 'lang',
          label: 'Language',
          outcome: 'applied',
          expected: 'en',
          replaced: 'de',
          replacedTexts: { en: 'English', de: 'Deutsch' },
        },
        { key: 'breadcrumbs', label: 'Breadcrumbs', outcome: 'applied', expected: '5' },
      ],
    });
    const shown = panel({ ...replaced, undoId: 'before' });
    const cells = [...shown.querySelectorAll('tbody td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      "applied (replaced “Teammate's title”, a newer save made elsewhere)",
      'applied (replaced “Deutsch”, a newer save made elsewhere)',
      'applied',
    ]);
    expect(shown.querySelector('[data-testid="report-replaced"]')?.textContent).toBe(
      '2 fields replaced a newer save made elsewhere (in another tab or by a teammate) since the page loaded: ' +
        'Undo restore puts them back.',
    );
    // No way back kept: no Undo is promised.
    expect(panel(replaced).querySelector('[data-testid="report-replaced"]')?.textContent).toMatch(
      /since the page loaded\.$/,
    );
    expect(panel(report()).querySelector('[data-testid="report-replaced"]')).toBeNull();
  });
});
