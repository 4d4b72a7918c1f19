import type { Target } from './use-target';

/** Why "Capture now" cannot run on the target tab, or null when it can. */
export function captureUnavailable(
  target: Pick<Target, 'loading' | 'tab' | 'match' | 'watchable'>,
): string | null {
  if (target.loading) return '';
  if (!target.tab) return 'No tab to capture';
  if (target.match) return null;
  return target.watchable ? 'Watch this dashboard first' : 'Open a dashboard page to capture it';
}
