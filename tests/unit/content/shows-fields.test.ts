// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showsFields } from '../../../lib/page/dom/shows-fields';

/** happy-dom lays nothing out: `checkVisibility` answers as Chromium does: false inside `data-hidden`, and for an element with no box (`data-no-box`). */
function layOut() {
  const check = vi.fn(function (this: Element) {
    return this.closest('[data-hidden]') === null && !this.hasAttribute('data-no-box');
  });
  Object.defineProperty(Element.prototype, 'checkVisibility', { value: check, configurable: true });
}

afterEach(() => {
  delete (Element.prototype as { checkVisibility?: unknown }).checkVisibility;
});

describe('whether the page shows a section’s fields', () => {
  it('a form with display: contents (no box of its own) shows its fields', () => {
    layOut();
    document.body.innerHTML = '<form data-no-box><input name="a"></form>';
    const form = document.querySelector('form')!;
    expect(form.checkVisibility()).toBe(false);
    expect(showsFields(form)).toBe(true);
  });

  it('a closed dialog kept in the DOM shows none', () => {
    layOut();
    document.body.innerHTML =
      '<div data-hidden><form><input name="a"><select name="b"></select></form></div>';
    expect(showsFields(document.querySelector('form')!)).toBe(false);
  });

  it('where the browser cannot tell (no checkVisibility), the fields count as shown', () => {
    document.body.innerHTML = '<div data-hidden><form><input name="a"></form></div>';
    expect(showsFields(document.querySelector('form')!)).toBe(true);
  });
});
