import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { journal } from '../../lib/popup/use-journal';
import { App } from './App';
import './style.css';

// Opening IndexedDB takes tens of ms: start it now rather than in the first effect (its error shows in the App).
journal().catch(() => undefined);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary
      fallback={<p role="alert">Savepoint could not show its popup. Close it and open it again.</p>}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
