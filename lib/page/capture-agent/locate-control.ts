import type { FieldLocator } from '../../capture/snapshot';

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A locator for a save control (button), so a restore can press the same control. */
export function locateControl(el: Element): FieldLocator {
  const button = el.closest('button, input[type=submit], input[type=button], [role=button]') ?? el;
  const label =
    button instanceof HTMLInputElement ? button.value : text(button) || (button.getAttribute('title') ?? '');
  return {
    inputType: button instanceof HTMLInputElement ? button.type : button.tagName.toLowerCase(),
    ...(button.getAttribute('name') ? { name: button.getAttribute('name') as string } : {}),
    ...(button.id ? { id: button.id } : {}),
    ...(label ? { label } : {}),
    ...(button.getAttribute('aria-label') ? { ariaLabel: button.getAttribute('aria-label') as string } : {}),
  };
}

/** Finds a control again inside `container` by its locator: id, then name, then aria-label, then visible text. */
export function findControl(container: ParentNode, locator: FieldLocator): HTMLElement | null {
  const candidates = Array.from(
    container.querySelectorAll<HTMLElement>('button, input[type=submit], input[type=button], [role=button]'),
  );
  const byId = locator.id ? candidates.find((el) => el.id === locator.id) : undefined;
  const byName = locator.name ? candidates.find((el) => el.getAttribute('name') === locator.name) : undefined;
  const byAria = locator.ariaLabel
    ? candidates.find((el) => el.getAttribute('aria-label') === locator.ariaLabel)
    : undefined;
  const byText = locator.label
    ? candidates.find((el) => (el instanceof HTMLInputElement ? el.value : text(el)) === locator.label)
    : undefined;
  return byId ?? byName ?? byAria ?? byText ?? null;
}
