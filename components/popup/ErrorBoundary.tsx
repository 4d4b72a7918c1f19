import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of `children` once they threw while rendering. */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps one part of the popup that fails to render (a malformed backup, say) from taking the rest down. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Savepoint: part of the popup failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
