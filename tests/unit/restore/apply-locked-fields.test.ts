// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';
import { applySnapshot } from '../../../lib/page/restore-agent/apply-snapshot';
import { mount } from '../capture/demo-dashboard';

const field = (key: string, value: CapturedField['value'], inputType = 'text'): CapturedField => ({
  key,
  label: key,
  value,
  locator: { name: key, inputType },
});

const backup = (fields: CapturedField[]): Snapshot => ({
  type: 'config',
  title: 'Configuration',
  pageUrl: 'https://wiki.example.com/config',
  fields,
  trigger: { kind: 'form' },
  leftOut: [],
});

let submitted: Record<string, string>[];
function page(html: string): HTMLFormElement {
  const form = mount(
    `<form id="config"><h2>Configuration</h2>${html}<button type="submit">Save</button></form>`,
    'form',
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted.push(Object.fromEntries(new FormData(form as HTMLFormElement)) as Record<string, string>);
  });
  return form as HTMLFormElement;
}

beforeEach(() => {
  vi.useFakeTimers();
  submitted = [];
});
afterEach(() => vi.useRealTimers());

describe('a restore into a form whose page keeps a field locked (disabled: a setting its host protects)', () => {
  it('leaves that field alone and says so; the others are saved', () => {
    const form = page(`<label>Title <input name="title" value="Ops runbook"></label>
      <fieldset disabled><label>Tagline <input name="tagline" value="Locked by the host"></label></fieldset>`);
    const report = applySnapshot(
      document,
      backup([field('title', 'Team handbook'), field('tagline', 'Everything')]),
    );
    vi.runAllTimers();
    expect(report.fields.map(({ key, outcome }) => [key, outcome])).toEqual([
      ['title', 'applied'],
      ['tagline', 'locked'],
    ]);
    expect(form.querySelector<HTMLInputElement>('[name=tagline]')?.value).toBe('Locked by the host');
    // The page's Save still ran (a browser leaves the disabled field out of the post).
    expect(submitted.map((post) => post.title)).toEqual(['Team handbook']);
  });

  it('fills a field that filling another one unlocked (a toggle above it), as the page would', () => {
    const form = page(`<label>Limit <input name="limit" value="5" disabled></label>
      <label>Limit on <input type="checkbox" name="limited"></label>`);
    form.querySelector('[name=limited]')?.addEventListener('change', (event) => {
      form.querySelector<HTMLInputElement>('[name=limit]')!.disabled = !(event.target as HTMLInputElement)
        .checked;
    });
    const report = applySnapshot(
      document,
      backup([field('limit', '20'), field('limited', true, 'checkbox')]),
    );
    vi.runAllTimers();
    expect(report.fields.map(({ outcome }) => outcome)).toEqual(['applied', 'applied']);
    expect(submitted).toEqual([{ limit: '20', limited: 'on' }]);
  });

  it("fills a toggle in a disabled fieldset's legend (HTML leaves it enabled), then the fields it unlocks", () => {
    const form = page(`<fieldset disabled>
        <legend><label>Custom mail server <input type="checkbox" name="smtp_on"></label></legend>
        <label>Host <input name="smtp_host" value=""></label>
      </fieldset>`);
    const fieldset = form.querySelector('fieldset')!;
    form.querySelector('[name=smtp_on]')?.addEventListener('change', (event) => {
      fieldset.disabled = !(event.target as HTMLInputElement).checked;
    });
    const report = applySnapshot(
      document,
      backup([field('smtp_on', true, 'checkbox'), field('smtp_host', 'mail.example.com')]),
    );
    vi.runAllTimers();
    expect(report.fields.map(({ key, outcome }) => [key, outcome])).toEqual([
      ['smtp_on', 'applied'],
      ['smtp_host', 'applied'],
    ]);
    expect(submitted).toEqual([{ smtp_on: 'on', smtp_host: 'mail.example.com' }]);
  });

  it('saves nothing when every chosen field is locked, and says why', () => {
    page(`<label>Tagline <input name="tagline" value="Locked by the host" disabled></label>
      <label>Title <input name="title" value="Ops runbook"></label>`);
    const report = applySnapshot(document, backup([field('tagline', 'Everything'), field('title', 'x')]), [
      'tagline',
    ]);
    vi.runAllTimers();
    expect(report.savedVia).toBe('none');
    expect(report.saveError).toBe('The page keeps the chosen fields locked (disabled), so nothing was saved');
    expect(submitted).toEqual([]);
  });
});
