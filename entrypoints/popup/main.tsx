import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { startFirstReads } from '../../lib/popup/first-reads';
import { App } from './App';
import './style.css';

// The first screen's reads (IndexedDB, the tab, storage) start now, together, rather than one after the other from
// the first effects; their errors show in the App.
startFirstReads();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary
      fallback={<p role="alert">Savepoint could not show its popup. Close it and open it again.</p>}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
