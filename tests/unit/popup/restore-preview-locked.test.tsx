// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RestorePreviewPanel } from '../../../components/popup/RestorePreviewPanel';
import type { RestorePreview } from '../../../lib/messaging';
import { defaultSelection } from '../../../lib/popup/restorable-fields';
import { render } from '../support/render-react';

/** DokuWiki's Configuration Manager after the host protected the Tagline (its field is disabled on the page). */
const preview: RestorePreview = {
  workspace: 'wiki',
  type: 'config',
  title: 'Configuration Manager',
  onPage: true,
  comparedWith: 'page',
  changes: [
    { key: 'title', label: 'Wiki title', kind: 'changed', before: 'Handbook', after: 'Team handbook' },
    { key: 'tagline', label: 'Tagline', kind: 'changed', before: 'When things break', after: 'Everything' },
    { key: 'lang', label: 'Language', kind: 'unchanged', before: 'en', after: 'en' },
  ],
  locked: ['tagline'],
};

function panel(shown: RestorePreview) {
  return render(
    <RestorePreviewPanel
      preview={shown}
      when="2 minutes ago"
      selected={defaultSelection(shown.changes, shown.comparedWith)}
      busy={false}
      onToggle={() => undefined}
      onApply={() => undefined}
      onCancel={() => undefined}
    />,
  );
}

describe('the restore preview of a form with a field the page keeps disabled', () => {
  it('says on its row, before the restore, that it is locked and filled only if a restored field unlocks it', () => {
    const rows = [...panel(preview).querySelectorAll('tbody tr')].map((row) => [
      row.querySelector('th')?.textContent,
      row.querySelector('.change-note')?.textContent ?? null,
    ]);
    expect(rows).toEqual([
      ['Wiki title', null],
      ['Tagline', 'Locked on the page now: restored only if a field restored with it unlocks it'],
    ]);
  });

  it('counts it in the summary, and keeps it ticked: a toggle restored with it may unlock it', () => {
    const shown = panel(preview);
    expect(shown.querySelector('.panel-sub')?.textContent).toBe(
      'Backup from 2 minutes ago. 2 fields differ from the page. 1 of them is locked on the page.',
    );
    expect(shown.querySelector('button.primary')?.textContent).toBe('Restore 2 fields');
  });

  it('with one differing field, locked, says "It is locked on the page."', () => {
    const one = { ...preview, changes: preview.changes.slice(1) };
    expect(panel(one).querySelector('.panel-sub')?.textContent).toBe(
      'Backup from 2 minutes ago. 1 field differs from the page. It is locked on the page.',
    );
  });

  it('says nothing of locks when the page has none', () => {
    const { locked: _, ...unlocked } = preview;
    expect(panel(unlocked).textContent).not.toContain('locked');
  });
});
