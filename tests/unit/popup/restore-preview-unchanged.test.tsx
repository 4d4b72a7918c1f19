// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { RestorePreviewPanel } from '../../../components/popup/RestorePreviewPanel';
import type { FieldChange } from '../../../lib/diff/diff-snapshots';
import type { RestorePreview } from '../../../lib/messaging';
import { render } from '../support/render-react';

const same = (n: number): FieldChange => ({
  key: `setting${n}`,
  label: `Setting ${n}`,
  kind: 'unchanged',
  before: 'on',
  after: 'on',
});

/** A preview as DokuWiki's Configuration Manager gives one: 2 settings differ among 170. */
function preview(comparedWith: RestorePreview['comparedWith']): RestorePreview {
  return {
    workspace: 'wiki',
    type: 'config',
    title: 'Configuration Manager',
    onPage: true,
    comparedWith,
    changes: [
      same(1),
      { key: 'title', label: 'Wiki title', kind: 'changed', before: 'New', after: 'Old' },
      ...Array.from({ length: 167 }, (_, i) => same(i + 2)),
      { key: 'breadcrumbs', label: 'Breadcrumbs', kind: 'changed', before: '10', after: '5' },
    ],
  };
}

function panel(
  comparedWith: RestorePreview['comparedWith'],
  selected: string[],
  extra: Partial<RestorePreview> = {},
) {
  return render(
    <RestorePreviewPanel
      preview={{ ...preview(comparedWith), ...extra }}
      when="2 minutes ago"
      selected={new Set(selected)}
      busy={false}
      onToggle={() => undefined}
      onApply={() => undefined}
      onCancel={() => undefined}
    />,
  );
}

const rowNames = (container: HTMLElement) =>
  [...container.querySelectorAll('tbody th')].map((cell) => cell.textContent);

describe('the restore preview of a large section', () => {
  it('lists the fields that differ, and the unchanged ones only on request', () => {
    const container = panel('page', ['title', 'breadcrumbs']);
    expect(rowNames(container)).toEqual(['Wiki title', 'Breadcrumbs']);
    const toggle = [...container.querySelectorAll('label')].find((label) =>
      label.textContent?.includes('unchanged'),
    );
    expect(toggle?.textContent).toBe('Show 168 unchanged');
    act(() => toggle?.querySelector('input')?.click());
    expect(rowNames(container)).toHaveLength(170);
  });

  it('keeps a ticked field in the list even when it is unchanged', () => {
    const container = panel('server', ['title', 'setting1']);
    expect(rowNames(container)).toEqual(['Setting 1', 'Wiki title', 'Breadcrumbs']);
  });

  it('lists every field when there is nothing to compare with', () => {
    const container = panel(null, []);
    expect(rowNames(container)).toHaveLength(170);
    expect(container.textContent).not.toContain('unchanged');
  });

  it('from a page without the form, compares with the newest backup and says which', () => {
    const capturedAt = Date.UTC(2026, 11, 6, 20, 30);
    const container = panel('backup', ['title', 'breadcrumbs'], {
      onPage: false,
      comparedBackup: { id: 'newest', capturedAt },
    });
    expect(rowNames(container)).toEqual(['Wiki title', 'Breadcrumbs']);
    expect(container.textContent).toContain('2 fields differ from the newest backup.');
    expect(container.textContent).toContain('Compared with the newest backup of this section, from');
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(capturedAt).toISOString(),
    );
    expect(container.textContent).toContain('Show 168 unchanged');
  });
});
