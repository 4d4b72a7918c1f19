// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { applySnapshot } from '../../../lib/page/restore-agent/apply-snapshot';
import { mount } from '../capture/demo-dashboard';

const SECTION = `<form id="config"><h2>Configuration</h2>
  <label>Wiki title <input name="title" value="Wiki"></label>
  <label>Tagline <input name="tagline" value="Saved tagline"></label>
  <button type="submit" id="save">Save</button></form>`;

const backup: Snapshot = {
  type: 'config',
  title: 'Configuration',
  pageUrl: 'https://wiki.example.com/config',
  fields: [
    {
      key: 'title',
      label: 'Wiki title',
      value: 'Team handbook',
      locator: { name: 'title', inputType: 'text' },
    },
    {
      key: 'tagline',
      label: 'Tagline',
      value: 'Everything',
      locator: { name: 'tagline', inputType: 'text' },
    },
  ],
  trigger: { kind: 'form' },
  leftOut: [],
};

let submitted: Record<string, string>[];
beforeEach(() => {
  vi.useFakeTimers();
  const form = mount(SECTION, 'form') as HTMLFormElement;
  submitted = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted.push(Object.fromEntries(new FormData(form)) as Record<string, string>);
  });
  form.querySelector<HTMLInputElement>('[name=title]')!.value = 'UNSAVED DRAFT';
});
afterEach(() => vi.useRealTimers());

describe('a partial restore with an unsaved edit on the page', () => {
  it('puts the unticked edit back as saved before pressing Save, and reports it skipped', () => {
    const putBack = [{ ...backup.fields[0]!, value: 'Wiki' }];
    const report = applySnapshot(document, backup, ['tagline'], putBack);
    vi.runAllTimers();
    expect(report.fields.map((f) => f.outcome)).toEqual(['skipped', 'applied']);
    expect(submitted).toEqual([{ title: 'Wiki', tagline: 'Everything' }]);
  });

  it('saves nothing when the edit cannot be put back', () => {
    const putBack = [{ ...backup.fields[0]!, value: 'Wiki', locator: { name: 'gone', inputType: 'text' } }];
    const report = applySnapshot(document, backup, ['tagline'], putBack);
    vi.runAllTimers();
    expect(report.savedVia).toBe('none');
    expect(report.saveError).toMatch(/Wiki title/);
    expect(submitted).toEqual([]);
  });
});
