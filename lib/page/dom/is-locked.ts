/**
 * True when the page does not let a control change and a form would not post it: disabled itself, or inside a
 * disabled fieldset (DokuWiki shows a setting its host protects so), except inside that fieldset's first legend,
 * which HTML leaves enabled so that a toggle there can unlock the rest. `aria-disabled` alone is only a hint.
 */
export function isLocked(el: Element): boolean {
  if ((el as HTMLInputElement).disabled === true) return true;
  for (
    let fieldset = el.closest('fieldset[disabled]');
    fieldset;
    fieldset = fieldset.parentElement?.closest('fieldset[disabled]') ?? null
  ) {
    const legend = Array.from(fieldset.children).find((child) => child.tagName === 'LEGEND');
    if (!legend?.contains(el)) return true;
  }
  return false;
}
