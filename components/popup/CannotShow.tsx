import { useLayoutEffect } from 'react';

/** Shown when the popup itself fails; it hands over too, so the first screen does not stay over it. */
export function CannotShow({ onShown }: { onShown: () => void }) {
  useLayoutEffect(onShown, [onShown]);
  return <p role="alert">Savepoint could not show its popup. Close it and open it again.</p>;
}
