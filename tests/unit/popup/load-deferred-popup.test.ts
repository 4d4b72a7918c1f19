// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { deferPopupTags } from '../../../lib/popup/defer-popup-tags';
import { loadDeferredPopup } from '../../../lib/popup/load-deferred-popup';

/**
 * A built popup.html's head (its module deferred), in a document of its own. happy-dom loads no script file: each
 * module started here fails to load (and happy-dom logs it), which only the last test looks at.
 */
function builtPopup(deferred = true): Document {
  const head = `<script type="module" crossorigin src="/chunks/popup-k2luP-Mu.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/_virtual_wxt-plugins-DB4ZMZxa.js">`;
  const html = `<!DOCTYPE html><html><head>${head}</head><body><div id="root"></div></body></html>`;
  const page = document.implementation.createHTMLDocument();
  page.documentElement.innerHTML = new DOMParser().parseFromString(
    deferred ? deferPopupTags(html) : html,
    'text/html',
  ).documentElement.innerHTML;
  return page;
}

const modules = (page: Document) =>
  [...page.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((script) => script.src);
const preloads = (page: Document) =>
  [...page.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href);

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadDeferredPopup', () => {
  it("starts the React popup's module and its preloads only once the first screen is presented", async () => {
    const page = builtPopup();
    let present = () => undefined as void;
    loadDeferredPopup(new Promise<void>((resolve) => (present = resolve)), () => undefined, page);
    await settled();
    expect(modules(page)).toEqual([]);
    expect(preloads(page)).toEqual([]);

    present();
    await settled();
    expect(modules(page)).toEqual([expect.stringMatching(/\/chunks\/popup-k2luP-Mu\.js$/)]);
    expect(preloads(page)).toEqual([expect.stringMatching(/\/chunks\/_virtual_wxt-plugins-DB4ZMZxa\.js$/)]);
  });

  it('starts it when the first screen failed too', async () => {
    const page = builtPopup();
    loadDeferredPopup(Promise.reject(new Error('IndexedDB is closed')), () => undefined, page);
    await settled();
    expect(modules(page)).toHaveLength(1);
  });

  it('adds nothing where popup.html loads its module itself (wxt dev)', async () => {
    const page = builtPopup(false);
    loadDeferredPopup(Promise.resolve(), () => undefined, page);
    await settled();
    expect(modules(page)).toHaveLength(1);
    expect(preloads(page)).toHaveLength(1);
  });

  it('says so when the module cannot be fetched: the module that would say it never runs', async () => {
    const page = builtPopup();
    const failed = vi.fn();
    let present = () => undefined as void;
    loadDeferredPopup(new Promise<void>((resolve) => (present = resolve)), failed, page);
    await settled();
    expect(failed).not.toHaveBeenCalled();
    // happy-dom fetches no script file (it logs why): the module fails to load, as a missing chunk would.
    present();
    await vi.waitFor(() =>
      expect(failed).toHaveBeenCalledWith(new Error(`${modules(page)[0]} did not load`)),
    );
  });
});
