import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/popup/ErrorBoundary';
import { App } from './App';
import './style.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary
      fallback={<p role="alert">Savepoint could not show its popup. Close it and open it again.</p>}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
