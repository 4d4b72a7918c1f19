// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findSection } from '../../../lib/page/dom/find-section';
import { MAX_VALUE_CHARS, TRUNCATED_MARKER } from '../../../lib/capture/limits';
import { readFields } from '../../../lib/page/dom/read-fields';
import type { RawField } from '../../../lib/capture/snapshot-draft';
import { DEMO_DASHBOARD, mount } from './demo-dashboard';

const TYPED_VALUES = {
  text: 'Ada',
  email: 'ada@example.com',
  url: 'https://example.com/a',
  number: '25',
  range: '7',
  date: '2024-05-01',
  time: '09:30',
  color: '#ff0000',
  search: 'tickets',
  tel: '+49 30 1234567',
};

const brief = (fields: RawField[]) => fields.map((f) => [f.key, f.value]);

describe('readFields on the demo dashboard', () => {
  it('reads the Bot names section', () => {
    const fields = readFields(findSection(mount(DEMO_DASHBOARD, '#save-bot-names')));
    expect(brief(fields)).toEqual([
      ['primaryName', 'Ada'],
      ['fallbackName', 'Bob'],
      ['greetingStyle', 'friendly'],
    ]);
    expect(fields.map((f) => f.label)).toEqual(['Primary bot name', 'Fallback bot name', 'Greeting style']);
    expect(fields[2]?.locator).toEqual({
      name: 'greetingStyle',
      id: 'greetingStyle',
      label: 'Greeting style',
      section: 'Bot names',
      inputType: 'select-one',
    });
  });

  it('reads the Intern form: lone checkboxes as booleans, the radio group as one field', () => {
    const fields = readFields(mount(DEMO_DASHBOARD, 'form[action]'));
    expect(brief(fields)).toEqual([
      ['enabled', true],
      ['canOpenTickets', true],
      ['canCloseTickets', false],
      ['reviewMode', 'sometimes'],
      ['maxTicketsPerDay', '25'],
    ]);
    const review = fields.find((f) => f.key === 'reviewMode');
    expect(review?.label).toBe('Review mode');
    expect(review?.locator).toEqual({
      name: 'reviewMode',
      label: 'Review mode',
      section: 'Intern',
      inputType: 'radio',
    });
    expect(fields.find((f) => f.key === 'canOpenTickets')?.label).toBe('Can open tickets');
  });

  it('reads the Brain form, password included (redaction decides later), hidden inputs skipped', () => {
    const fields = readFields(mount(DEMO_DASHBOARD, '#brain-form'));
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ['model', 'select-one'],
      ['temperature', 'number'],
      ['systemPrompt', 'textarea'],
      ['apiKey', 'password'],
    ]);
    expect(fields[0]?.value).toBe('claude-3-5-sonnet');
  });
});

describe('readFields on odd fields', () => {
  it.each<[string, string, [string, RawField['value']][]]>([
    [
      'every text-like input type',
      Object.entries(TYPED_VALUES)
        .map(([type, value]) => `<input type="${type}" name="${type}" value="${value}">`)
        .join(''),
      Object.entries(TYPED_VALUES),
    ],
    [
      'buttons, files and hidden inputs skipped',
      '<input type="hidden" name="h" value="x"><input type="file" name="f"><input type="submit" value="Go">' +
        '<input type="button" value="b"><input type="reset"><input type="image" alt="i"><button>Save</button>',
      [],
    ],
    [
      'checkbox group x[] as a list of checked values',
      '<input type="checkbox" name="days[]" value="mon" checked><input type="checkbox" name="days[]" value="tue">' +
        '<input type="checkbox" name="days[]" value="wed" checked>',
      [['days[]', ['mon', 'wed']]],
    ],
    [
      'a single x[] checkbox still a list',
      '<input type="checkbox" name="tags[]" value="a">',
      [['tags[]', []]],
    ],
    [
      'radio group with nothing checked',
      '<input type="radio" name="size" value="s"><input type="radio" name="size" value="m">',
      [['size', '']],
    ],
    [
      'multi-select as a list',
      '<select name="langs" multiple><option value="en" selected>English</option><option value="de">German</option>' +
        '<option value="fr" selected>French</option></select>',
      [['langs', ['en', 'fr']]],
    ],
    [
      'contenteditable as its text',
      '<div contenteditable="true" id="sig">Best, <b>Ada</b></div>',
      [['sig', 'Best, Ada']],
    ],
    [
      'keys from name, then id, then label, made unique',
      '<input name="a" value="1"><input name="a" value="2"><input id="b" value="3">' +
        '<label>Display name <input value="4"></label><input aria-label="Team size" value="5">',
      [
        ['a', '1'],
        ['a-2', '2'],
        ['b', '3'],
        ['display-name', '4'],
        ['team-size', '5'],
      ],
    ],
    ['a field with no name, id or label', '<input value="x">', [['text-field', 'x']]],
  ])('%s', (_name, html, expected) => {
    expect(brief(readFields(mount(`<form>${html}</form>`, 'form')))).toEqual(expected);
  });

  it('takes labels from label[for], a wrapping label without option text, and aria-labelledby', () => {
    const fields = readFields(
      mount(
        `<form><label for="a">Alpha</label><input id="a">
         <label>Beta <select name="b"><option>one</option><option>two</option></select></label>
         <span id="g1">Gamma</span><span id="g2">level</span><input name="c" aria-labelledby="g1 g2">
         <input name="d" aria-label="Delta"></form>`,
        'form',
      ),
    );
    expect(fields.map((f) => [f.label, f.locator.label, f.locator.ariaLabel])).toEqual([
      ['Alpha', 'Alpha', undefined],
      ['Beta', 'Beta', undefined],
      ['Gamma level', 'Gamma level', undefined],
      ['Delta', undefined, 'Delta'],
    ]);
  });

  it('labels a control by the first line of a label that also holds its description (Node-RED 4.1)', () => {
    // Node-RED's settings tray: `<label><p>title</p>description<p>more</p></label>`; the text of the whole label
    // glued the title to the description ("Enable Update NotificationsNode-RED can notify you…").
    const fields = readFields(
      mount(
        `<form><input id="t" type="checkbox" name="telemetry"><label for="t"><p>Enable Update Notifications</p>Node-RED can notify you when there is a new version available.<p>This requires sending anonymised data back.</p></label>
         <label for="s">Grid size<br><small>in pixels</small></label><input id="s" name="size" value="20">
         <label for="n">Node
           <em>status</em></label><input id="n" name="status" value="on"></form>`,
        'form',
      ),
    );
    expect(fields.map((f) => f.label)).toEqual(['Enable Update Notifications', 'Grid size', 'Node status']);
  });

  it('labels a radio group by its role=radiogroup aria-label', () => {
    const [field] = readFields(
      mount(
        `<form><h2>Bot</h2><div role="radiogroup" aria-label="Tone"><label><input type="radio" name="tone" value="calm" checked> Calm</label>
         <label><input type="radio" name="tone" value="warm"> Warm</label></div></form>`,
        'form',
      ),
    );
    expect(field).toMatchObject({
      key: 'tone',
      label: 'Tone',
      value: 'calm',
      locator: { ariaLabel: 'Tone' },
    });
  });

  it('flags disabled and read-only fields but still reads them', () => {
    const fields = readFields(
      mount(
        '<form><input name="a" disabled value="1"><fieldset disabled><input name="b" value="2"></fieldset><input name="c" readonly value="3"></form>',
        'form',
      ),
    );
    expect(fields.map((f) => [f.key, f.value, f.disabled, f.readOnly])).toEqual([
      ['a', '1', true, false],
      ['b', '2', true, false],
      ['c', '3', false, true],
    ]);
  });

  it('marks as locked the fields the page does not let change and would not post, not those only aria-disabled', () => {
    const fields = readFields(
      mount(
        '<form><input name="a" disabled value="1"><fieldset disabled><input name="b" value="2"></fieldset>' +
          '<input name="c" aria-disabled="true" value="3"><input name="d" readonly value="4">' +
          '<input type="radio" name="e" value="x" disabled><input type="radio" name="e" value="y">' +
          '<fieldset disabled><legend><input type="checkbox" name="f"></legend><input name="g"></fieldset></form>',
        'form',
      ),
    );
    expect(fields.map((f) => [f.key, f.locked ?? false])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
      ['e', false],
      // A toggle in a disabled fieldset's first legend is enabled (HTML), the fields it unlocks are not.
      ['f', false],
      ['g', true],
    ]);
  });

  it('keeps autocomplete and the raw type for redaction', () => {
    const [field] = readFields(
      mount('<form><input name="card" autocomplete="CC-Number" value="x"></form>', 'form'),
    );
    expect(field).toMatchObject({ type: 'text', autocomplete: 'cc-number' });
  });

  it('cuts a huge value and marks the cut', () => {
    const [field] = readFields(
      mount(`<form><textarea name="t">${'a'.repeat(MAX_VALUE_CHARS + 5)}</textarea></form>`, 'form'),
    );
    expect(field?.truncated).toBe(true);
    expect((field?.value as string).length).toBe(MAX_VALUE_CHARS);
    expect((field?.value as string).endsWith(TRUNCATED_MARKER)).toBe(true);
  });

  it.each([
    ['a radio value', `<input type="radio" name="r" value="HUGE" checked>`],
    ['a checkbox group value', `<input type="checkbox" name="c[]" value="HUGE" checked>`],
    ['a multi-select option', `<select multiple name="m"><option value="HUGE" selected>x</option></select>`],
  ])('cuts %s at the same limit', (_name, html) => {
    const huge = 'b'.repeat(MAX_VALUE_CHARS + 5);
    const [field] = readFields(mount(`<form>${html.replace('HUGE', huge)}</form>`, 'form'));
    const value = [field?.value].flat()[0] as string;
    expect(field?.truncated).toBe(true);
    expect(value.length).toBe(MAX_VALUE_CHARS);
    expect(value.endsWith(TRUNCATED_MARKER)).toBe(true);
  });

  it('includes controls joined by form= and never throws on a control whose getters throw', () => {
    const form = mount(
      '<form id="f"><input name="a" value="1"></form><input form="f" name="b" value="2">',
      'form',
    );
    const broken = document.createElement('input');
    broken.name = 'broken';
    Object.defineProperty(broken, 'value', {
      get() {
        throw new Error('boom');
      },
    });
    form.append(broken);
    expect(brief(readFields(form))).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});
