import { absoluteTime, relativeTime } from '../../lib/time';

/** "2 minutes ago", with the absolute time as a tooltip and machine-readable date. */
export function RelativeTime({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={absoluteTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
