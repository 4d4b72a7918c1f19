// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { formatValue } from '../../../lib/popup/format-value';
import { capture } from '../support/capture-path';
import { mount } from './demo-dashboard';

const PAGE = 'https://wiki.example.com/index.php/Special:Preferences';
const SALT = 'salt-salt-salt-salt';

/** A preference chosen by radio buttons whose values are codes, as MediaWiki's date format is. */
function form(chosen: string) {
  const radio = (value: string, text: string) =>
    `<label><input type="radio" name="wpdate" value="${value}"${value === chosen ? ' checked' : ''}> ${text}</label>`;
  return `<form action="/index.php" method="post"><fieldset><legend>Date format</legend>
    ${radio('default', 'No preference')}${radio('mdy', '16:12, January 15, 2001')}${radio('dmy', '16:12, 15 January 2001')}
    </fieldset><button>Save</button></form>`;
}

async function snapshotOf(chosen: string) {
  const { snapshot } = await capture(
    { container: mount(form(chosen), 'form'), pageUrl: PAGE, trigger: { kind: 'form' } },
    { salt: SALT },
  );
  return snapshot;
}

describe("a radio group's value is shown by the text its page shows beside it", () => {
  it('a diff reads as the labels of the chosen buttons, not their codes', async () => {
    const [change] = diffSnapshots(await snapshotOf('mdy'), await snapshotOf('dmy')).filter(
      (c) => c.kind === 'changed',
    );
    expect(change?.key).toBe('wpdate');
    expect(formatValue(change?.before, change?.beforeTexts)).toBe('16:12, January 15, 2001');
    expect(formatValue(change?.after, change?.afterTexts)).toBe('16:12, 15 January 2001');
  });
});
