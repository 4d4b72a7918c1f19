// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../lib/capture/field-label';
import { findField } from '../../../lib/page/restore-agent/find-field';
import { mount } from '../capture/demo-dashboard';

describe('findField by label', () => {
  it.each([
    [
      'a label that also holds its description (Node-RED 4.1)',
      `<form><input id="t" type="checkbox"><label for="t"><p>Enable Update Notifications</p>Node-RED can notify you.<p>More.</p></label></form>`,
    ],
    [
      'a wrapping label around a select',
      `<form><label>Greeting style <select><option>calm</option><option>warm</option></select></label></form>`,
    ],
  ])('finds the control by the label its capture recorded: %s', (_name, html) => {
    const form = mount(html, 'form');
    const control = form.querySelector('input, select') as Element;
    const label = fieldLabel(control);
    expect(findField(form, { label, inputType: control.tagName.toLowerCase() })).toEqual([control]);
  });
});
