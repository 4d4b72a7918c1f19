/** True when nothing in the page has the focus (it fell to the body, as when its element was removed). */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
