// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../components/popup/ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An entry whose record is malformed: rendering `{}` as a title throws, as a pulled `title:{}` did. */
function BadEntry({ title }: { title: unknown }) {
  return <p>{title as string}</p>;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ErrorBoundary (issue 13, item 2)', () => {
  it('shows its fallback for the one entry that throws and keeps the others', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      createRoot(container).render(
        <ul>
          <ErrorBoundary fallback={<li>This backup cannot be shown</li>}>
            <BadEntry title={{}} />
          </ErrorBoundary>
          <ErrorBoundary fallback={<li>This backup cannot be shown</li>}>
            <li>Bot names</li>
          </ErrorBoundary>
        </ul>,
      );
    });
    expect(container.textContent).toBe('This backup cannot be shownBot names');
  });
});
