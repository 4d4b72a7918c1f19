import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CannotShow } from '../../components/popup/CannotShow';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { startFirstReads } from '../../lib/popup/first-reads';
import { App } from './App';

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
