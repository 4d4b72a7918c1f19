// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ChangeTable } from '../../../components/popup/ChangeTable';
import { RestoreReportPanel } from '../../../components/popup/RestoreReportPanel';
import { render } from '../support/render-react';

/** A value that reads "Adaexe.png" on screen: "gnp.exe" behind a right-to-left override. */
const SPOOFED_VALUE = 'Ada\u202Egnp.exe';

describe('a value with bidi controls shows them instead of obeying them', () => {
  it('in a diff and a restore preview, before and after, and in a list of options', () => {
    const table = render(
      <ChangeTable
        column="Page now → backup"
        changes={[
          { key: 'name', label: 'Name', kind: 'changed', before: 'Ada', after: SPOOFED_VALUE },
          { key: 'tags', label: 'Tags', kind: 'added', before: undefined, after: ['a\u2066b\u2069', 'c'] },
        ]}
      />,
    );
    const values = [...table.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(values).toEqual(['Ada → Ada⟨U+202E⟩gnp.exe', 'a⟨U+2066⟩b⟨U+2069⟩, c']);
  });

  it('in a restore report, where the dashboard kept another value', () => {
    const panel = render(
      <RestoreReportPanel
        report={{
          type: 'bot-names',
          title: 'Bot names',
          savedVia: 'control',
          fields: [
            {
              key: 'name',
              label: 'Name',
              outcome: 'changed-by-dashboard',
              expected: 'Ada',
              actual: `\u200F\u061C${SPOOFED_VALUE}`,
            },
          ],
        }}
        undone={false}
        busy={false}
        reloaded={false}
        onUndo={() => undefined}
        onReload={() => undefined}
        onDone={() => undefined}
      />,
    );
    expect(panel.querySelector('.hint')?.textContent).toBe(' (now ⟨U+200F⟩⟨U+061C⟩Ada⟨U+202E⟩gnp.exe)');
  });
});
