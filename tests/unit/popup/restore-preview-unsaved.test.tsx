// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RestorePreviewPanel } from '../../../components/popup/RestorePreviewPanel';
import type { RestorePreview } from '../../../lib/messaging';
import { render } from '../support/render-react';

/** DokuWiki's Configuration Manager with "UNSAVED DRAFT" typed into Wiki title and not saved. */
const preview: RestorePreview = {
  workspace: 'wiki',
  type: 'config',
  title: 'Configuration Manager',
  onPage: true,
  comparedWith: 'page',
  changes: [
    { key: 'title', label: 'Wiki title', kind: 'changed', before: 'UNSAVED DRAFT', after: 'Team handbook' },
    { key: 'tagline', label: 'Tagline', kind: 'changed', before: 'Saved', after: 'Everything' },
    { key: 'lang', label: 'Language', kind: 'unchanged', before: 'en', after: 'en' },
  ],
  unsaved: [
    { key: 'title', label: 'Wiki title', value: 'Wiki', locator: { name: 'title', inputType: 'text' } },
    { key: 'lang', label: 'Language', value: 'de', locator: { name: 'lang', inputType: 'text' } },
  ],
};

function panel(selected: string[], shown: RestorePreview) {
  return render(
    <RestorePreviewPanel
      preview={shown}
      when="2 minutes ago"
      selected={new Set(selected)}
      busy={false}
      onToggle={() => undefined}
      onApply={() => undefined}
      onCancel={() => undefined}
    />,
  );
}

function notes(selected: string[], shown: RestorePreview = preview) {
  return [...panel(selected, shown).querySelectorAll('tbody tr')].map((row) => [
    row.querySelector('th')?.textContent,
    row.querySelector('.change-note')?.textContent ?? null,
  ]);
}

describe('the restore preview of a page with an unsaved edit', () => {
  it('says, on each unticked field edited and not saved, that it is put back as saved; never hides it', () => {
    expect(notes(['tagline'])).toEqual([
      ['Wiki title', 'Unsaved edit on the page: put back as saved, Wiki'],
      ['Tagline', null],
      ['Language', 'Unsaved edit on the page: put back as saved, de'],
    ]);
  });

  it('a ticked field gets the backup value: nothing is put back', () => {
    expect(notes(['title', 'tagline'])[0]).toEqual(['Wiki title', null]);
  });
});

describe('the restore preview of a page with a secret typed and not saved (its value is never stored)', () => {
  const apiKey = {
    key: 'apiKey',
    label: 'API key',
    locator: { name: 'apiKey', inputType: 'password' },
    secret: { hash: 'h', reason: 'password' },
  };
  const withKey = (value: '' | null): RestorePreview => ({
    ...preview,
    changes: [
      ...preview.changes,
      { key: 'apiKey', label: 'API key', kind: 'unchanged', before: null, after: null, secret: 'unknown' },
    ],
    unsaved: [{ ...apiKey, value }],
  });

  it('one the dashboard holds empty is emptied again', () => {
    expect(notes(['tagline'], withKey('')).at(-1)).toEqual([
      'API key',
      'Unsaved edit on the page: put back as saved, (empty)',
    ]);
  });

  it('any other stops the restore, which says so before it is pressed', () => {
    expect(notes(['tagline'], withKey(null)).at(-1)).toEqual([
      'API key',
      'Unsaved edit on the page, a secret Savepoint cannot put back: nothing is saved until you save or undo it there',
    ]);
  });

  it('and offers no Restore button to press until then; an emptied one leaves it', () => {
    const restore = (value: '' | null) =>
      panel(['tagline'], withKey(value)).querySelector<HTMLButtonElement>('.panel-actions .primary');
    expect(restore(null)?.disabled).toBe(true);
    expect(restore('')?.disabled).toBe(false);
  });
});

describe('the restore preview of a form the page posts (DokuWiki), which the restore fills on the page loaded again', () => {
  const posted: RestorePreview = { ...preview, reloads: true };

  it('says the page is loaded again first, so unticked fields keep a newer save made elsewhere', () => {
    expect(panel(['tagline'], posted).querySelector('[data-testid="restore-reloads"]')?.textContent).toBe(
      'Savepoint loads this page again before it fills the form: the fields you leave unticked keep what the ' +
        'dashboard holds then, with any save made since this page loaded (in another tab or by a teammate).',
    );
    expect(panel(['tagline'], preview).querySelector('[data-testid="restore-reloads"]')).toBeNull();
  });

  it('compares the backup with the page as saved, which the page loaded again shows, and says so', () => {
    const shown = panel(['tagline'], { ...posted, comparedAsSaved: true });
    expect(shown.querySelector('.panel-sub')?.textContent).toContain(
      '2 fields differ from the page as saved.',
    );
    expect(shown.querySelector('thead')?.textContent).toContain('Page as saved → backup');
    expect(panel(['tagline'], preview).querySelector('thead')?.textContent).toContain('Page now → backup');
    // A page that could not say how it loaded is compared as it is.
    expect(panel(['tagline'], posted).querySelector('thead')?.textContent).toContain('Page now → backup');
  });

  it('says, on each unticked field edited and not saved, that the edit is dropped, not which value is put back', () => {
    expect(notes(['tagline'], posted)).toEqual([
      ['Wiki title', 'Unsaved edit on the page: dropped when the page loads again'],
      ['Tagline', null],
      ['Language', 'Unsaved edit on the page: dropped when the page loads again'],
    ]);
  });
});
