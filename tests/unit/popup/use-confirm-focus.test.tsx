// @vitest-environment happy-dom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useConfirmFocus } from '../../../lib/popup/use-confirm-focus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A row that asks before deleting, as a history entry does: Delete, or the confirm with its Cancel. */
function Row({ confirming, onCancel }: { confirming: boolean; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const { onKeyDown, cancel } = useConfirmFocus(confirming ? 'delete' : null, onCancel, cancelRef, {
    delete: deleteRef,
  });
  return confirming ? (
    <div key="confirm" role="group" onKeyDown={onKeyDown}>
      <button type="button" ref={cancelRef} onClick={cancel}>
        Cancel
      </button>
    </div>
  ) : (
    <div key="actions">
      <button type="button" ref={deleteRef}>
        Delete
      </button>
    </div>
  );
}

let root: Root;
const container = () => document.body.firstElementChild as HTMLElement;
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((found) => found.textContent === name) ?? null;

function render(confirming: boolean, onCancel: () => void = () => undefined) {
  act(() => root.render(<Row confirming={confirming} onCancel={onCancel} />));
}

function mount() {
  const element = document.createElement('div');
  document.body.append(element);
  root = createRoot(element);
}

afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = '';
});

describe('useConfirmFocus', () => {
  it('gives the focus to Cancel when the confirm opens, and back to the button that asked after Cancel', () => {
    mount();
    render(false);
    button('Delete')?.focus();
    render(true);
    expect(document.activeElement).toBe(button('Cancel'));
    const onCancel = vi.fn(() => render(false));
    render(true, onCancel);
    act(() => button('Cancel')?.click());
    expect(onCancel).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(button('Delete'));
  });

  it('answers Cancel to Escape, and gives the focus back', () => {
    mount();
    render(false);
    button('Delete')?.focus();
    const onCancel = vi.fn(() => render(false));
    render(true, onCancel);
    act(() => {
      button('Cancel')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onCancel).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(button('Delete'));
  });

  it('takes no focus when mounted with its confirm already open (a virtualized list rendering it again)', () => {
    mount();
    render(true);
    expect(document.activeElement).toBe(document.body);
    expect(container()).toBeTruthy();
  });

  it('gives no focus back when the confirm closes for another reason (another entry asked)', () => {
    mount();
    render(false);
    button('Delete')?.focus();
    render(true);
    (document.activeElement as HTMLElement).blur();
    render(false);
    expect(document.activeElement).toBe(document.body);
  });
});
