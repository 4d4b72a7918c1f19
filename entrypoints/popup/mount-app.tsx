import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { startFirstReads } from '../../lib/popup/first-reads';
import { App } from './App';

/** Shown when the popup itself fails; it hands over too, so the first screen does not stay over it. */
function CannotShow({ onShown }: { onShown: () => void }) {
  useLayoutEffect(onShown, [onShown]);
  return <p role="alert">Savepoint could not show its popup. Close it and open it again.</p>;
}

/** Renders the React popup into `root`; `onShown` runs once its history (or an error) is on screen. */
export function mountApp(root: HTMLElement, onShown: () => void): void {
  // The reads the React popup's first render waits on start now, together, rather than from its effects.
  startFirstReads();
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary fallback={<CannotShow onShown={onShown} />}>
        <App onShown={onShown} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
