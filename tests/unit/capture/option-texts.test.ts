// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { formatValue } from '../../../lib/popup/format-value';
import { capture } from '../support/capture-path';
import { mount } from './demo-dashboard';

const PAGE = 'https://wiki.example.com/doku.php?do=admin&page=config';
const SALT = 'salt-salt-salt-salt';

/** DokuWiki's "Do typographical replacements", a drop-down whose values are 0, 1, 2; and one whose texts collide. */
function form() {
  return `<form action="/doku.php" method="post" id="dw__configform">
    <label for="t">Do typographical replacements</label>
    <select id="t" name="config[typography]">
      <option value="0">none</option>
      <option value="1">excluding single quotes</option>
      <option value="2">including single quotes (might not always work)</option>
    </select>
    <label for="l">Level</label>
    <select id="l" name="level">
      <option value="a">Default</option>
      <option value="b">Default</option>
      <option value="c">c</option>
    </select>
    <label for="api">API token</label><input id="api" name="apiToken" value="">
    <button>Save</button>
  </form>`;
}

/** The form with the given options chosen (happy-dom misreads a `selected` attribute past the second option). */
async function snapshotOf(typography: string, level = 'a') {
  const container = mount(form(), 'form');
  (container.querySelector('#t') as HTMLSelectElement).value = typography;
  (container.querySelector('#l') as HTMLSelectElement).value = level;
  const { snapshot } = await capture({ container, pageUrl: PAGE, trigger: { kind: 'form' } }, { salt: SALT });
  return snapshot;
}

describe("a drop-down's values are shown by the text its page shows for them", () => {
  it('keeps the chosen option’s text by value; texts that collide carry the value; a text equal to its value is not kept', async () => {
    const fields = (await snapshotOf('2', 'b')).fields;
    expect(fields.find((f) => f.key === 'config[typography]')?.texts).toEqual({
      '2': 'including single quotes (might not always work)',
    });
    expect(fields.find((f) => f.key === 'level')?.texts).toEqual({ b: 'Default (b)' });
    expect((await snapshotOf('0', 'c')).fields.find((f) => f.key === 'level')?.texts).toBeUndefined();
  });

  it('a diff shows each side by its text, as the page does', async () => {
    const [change] = diffSnapshots(await snapshotOf('0'), await snapshotOf('2')).filter(
      (c) => c.kind === 'changed',
    );
    expect(change?.key).toBe('config[typography]');
    expect(formatValue(change?.before, change?.beforeTexts)).toBe('none');
    expect(formatValue(change?.after, change?.afterTexts)).toBe(
      'including single quotes (might not always work)',
    );
    // A value no text is known for is shown as it is.
    expect(formatValue('7', change?.afterTexts)).toBe('7');
  });
});
