/**
 * True when the page does not let a control change and a form would not post it: disabled itself, or inside a
 * disabled fieldset (DokuWiki shows a setting its host protects so). `aria-disabled` alone is only a hint.
 */
export function isLocked(el: Element): boolean {
  return (el as HTMLInputElement).disabled === true || el.closest('fieldset[disabled]') !== null;
}
