import type { ReactNode } from 'react';

/** A short message after an action: polite for results, assertive (alert) for failures. */
export function Notice({ tone, children }: { tone: 'ok' | 'error' | 'muted'; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : undefined} aria-live="polite">
      {children}
    </p>
  );
}
