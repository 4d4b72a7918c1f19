// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFERRED_MODULE, DEFERRED_PRELOAD, deferPopupTags } from '../../../lib/popup/defer-popup-tags';

/** popup.html's head and body as Vite writes them in a build (see .output/chrome-mv3/popup.html). */
const built = (modules: string[]) => `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Savepoint</title>
    ${modules.map((src) => `<script type="module" crossorigin src="${src}"></script>`).join('\n    ')}
    <link rel="modulepreload" crossorigin href="/chunks/_virtual_wxt-plugins-DB4ZMZxa.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-fQ3iEMR4.css">
  </head>
  <body>
    <div id="first-screen"></div>
    <div id="root"></div>
    <script  src="/popup-first-screen.js"></script>
  </body>
</html>`;

/** The page's elements, inert (a template's content loads nothing). */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('deferPopupTags', () => {
  it("defers the React popup's module script and its preloads, and nothing else", () => {
    const page = parse(deferPopupTags(built(['/chunks/popup-k2luP-Mu.js'])));

    expect(page.querySelectorAll('script[type="module"], link[rel="modulepreload"]')).toHaveLength(0);
    const deferred = page.querySelector(`script[type="${DEFERRED_MODULE}"]`);
    expect(deferred?.getAttribute('src')).toBe('/chunks/popup-k2luP-Mu.js');
    expect(deferred?.hasAttribute('crossorigin')).toBe(true);
    expect(page.querySelector(`link[rel="${DEFERRED_PRELOAD}"]`)?.getAttribute('href')).toBe(
      '/chunks/_virtual_wxt-plugins-DB4ZMZxa.js',
    );
    // The first screen's script and the stylesheet load as before.
    expect(page.querySelector('script:not([type])')?.getAttribute('src')).toBe('/popup-first-screen.js');
    expect(page.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe(
      '/assets/popup-fQ3iEMR4.css',
    );
  });

  it('fails the build when popup.html is not the shape it defers: no module script, or more than one', () => {
    expect(() => deferPopupTags(built([]))).toThrow(
      'popup.html should have one module script to defer, found 0',
    );
    expect(() => deferPopupTags(built(['/chunks/a.js', '/chunks/b.js']))).toThrow(
      'popup.html should have one module script to defer, found 2',
    );
  });
});
