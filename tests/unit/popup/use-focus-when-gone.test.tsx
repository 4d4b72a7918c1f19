// @vitest-environment happy-dom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFocusWhenGone } from '../../../lib/popup/use-focus-when-gone';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A status line and the Retry beside it while `failing`, as the popup's header has. */
function Header({ failing }: { failing: boolean }) {
  const status = useRef<HTMLParagraphElement>(null);
  const pressed = useFocusWhenGone(failing, status);
  return (
    <div>
      <p ref={status} tabIndex={-1}>
        {failing ? 'Sync error' : 'Synced'}
      </p>
      {failing ? (
        <button type="button" onClick={pressed}>
          Retry
        </button>
      ) : null}
      <button type="button">Other</button>
    </div>
  );
}

let root: Root;
const find = (selector: string, text: string) =>
  [...document.querySelectorAll<HTMLElement>(selector)].find((found) => found.textContent === text) ?? null;
const render = (failing: boolean) => act(() => root.render(<Header failing={failing} />));

beforeEach(() => {
  const element = document.createElement('div');
  document.body.append(element);
  root = createRoot(element);
});

afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = '';
});

describe('useFocusWhenGone', () => {
  it('gives the focus to the landing once the pressed button has gone, not to the body', () => {
    render(true);
    const retry = find('button', 'Retry');
    retry?.focus();
    act(() => retry?.click());
    render(false);
    expect(document.activeElement).toBe(find('p', 'Synced'));
  });

  it('moves nothing when the button goes unpressed, or when the user has put the focus elsewhere', () => {
    render(true);
    render(false);
    expect(document.activeElement).toBe(document.body);
    render(true);
    act(() => find('button', 'Retry')?.click());
    find('button', 'Other')?.focus();
    render(false);
    expect(document.activeElement).toBe(find('button', 'Other'));
  });
});
