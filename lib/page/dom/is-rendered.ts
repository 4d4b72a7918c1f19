/**
 * False when the page does not render an element: it, or a parent, is `display: none` (a closed Bootstrap dialog
 * kept in the DOM, a hidden tab), `display: contents` (no box of its own: ask its children) or in a closed
 * `<details>`. True where the browser cannot tell (no `checkVisibility`, Chromium 105+).
 */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(el);
}
