// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { showsRefusedForm } from '../../../lib/page/dom/shows-refused-form';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

describe('showsRefusedForm', () => {
  it.each([
    [
      "DokuWiki's Configuration Manager: the refused setting's cell",
      `<form id="dw__configform"><table><tr><td class="label">Breadcrumbs</td><td class="value error"><input name="config[breadcrumbs]" value="many"></td></tr></table></form>`,
    ],
    ['aria-invalid', `<form><input name="a" aria-invalid="true"></form>`],
    ['Bootstrap', `<form><input class="form-control is-invalid" name="a"></form>`],
    ['Rails', `<form><div class="field_with_errors"><input name="a"></div></form>`],
  ])('a form marked refused: %s', (_name, html) => {
    expect(showsRefusedForm(page(html))).toBe(true);
  });

  it.each([
    ['a form with nothing marked', `<form><input name="a"></form>`],
    ['an error banner outside the form', `<div class="error">Something</div><form><input name="a"></form>`],
    ['a form inside an error box', `<div class="error"><form><input name="a"></form></div>`],
    ['a form marked as a whole', `<form class="error"><input name="a"></form>`],
    ['a hidden template', `<form><div hidden><div class="error"><input name="a"></div></div></form>`],
    ['a hidden input', `<form><div class="error"><input type="hidden" name="sectok"></div></form>`],
    ['aria-invalid="false"', `<form><input name="a" aria-invalid="false"></form>`],
  ])('no refusal: %s', (_name, html) => {
    expect(showsRefusedForm(page(html))).toBe(false);
  });
});
