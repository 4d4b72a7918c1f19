// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../components/popup/ErrorBoundary';
import { CannotShow } from '../../../components/popup/CannotShow';
import { render } from '../support/render-react';

function Broken(): never {
  throw new Error('a malformed record');
}

describe('a popup that fails to render', () => {
  it('says so in an alert, inside a main landmark under a heading, and hands over from the first screen', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onShown = vi.fn();
    const container = render(
      <ErrorBoundary fallback={<CannotShow onShown={onShown} />}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(container.querySelector('main [role="alert"]')?.textContent).toContain(
      'Savepoint could not show its popup',
    );
    expect(container.querySelector('h1')?.textContent).toBe('Savepoint');
    expect(onShown).toHaveBeenCalled();
    warn.mockRestore();
    error.mockRestore();
  });
});
