// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ChangeTable } from '../../../components/popup/ChangeTable';
import type { FieldChange } from '../../../lib/diff/diff-snapshots';
import { render } from '../support/render-react';

const long = 'x'.repeat(300);

function table(changes: FieldChange[]) {
  return render(<ChangeTable changes={changes} column="Other backup → this backup" />);
}

describe('a long value in a diff or a restore preview', () => {
  it('shows its start and a button that shows it whole, so the rows after it stay in view', () => {
    const container = table([
      { key: 'title', label: 'Wiki title', kind: 'changed', before: 'Team handbook', after: long },
      { key: 'tagline', label: 'Tagline', kind: 'changed', before: 'Ours', after: 'Theirs' },
    ]);
    const after = container.querySelector('.value.after');
    expect(after?.textContent).toContain('x'.repeat(120));
    expect(after?.textContent).not.toContain('x'.repeat(121));
    const more = after?.querySelector('button');
    expect(more?.textContent).toBe('Show all 300 characters');
    act(() => more?.click());
    expect(after?.textContent).toBe(long);
    // Short values are shown whole, with no button.
    expect(container.querySelector('.value.before')?.textContent).toBe('Team handbook');
    expect(container.querySelectorAll('button')).toHaveLength(0);
  });

  it('never cuts a character in two', () => {
    const emoji = '😀'.repeat(100);
    const container = table([{ key: 'note', label: 'Note', kind: 'unchanged', before: emoji, after: emoji }]);
    const shown = container.querySelector('.value')?.firstChild?.textContent ?? '';
    expect(shown.endsWith('\ud83d')).toBe(false);
    expect(container.querySelector('button')?.textContent).toBe('Show all 100 characters');
  });
});
