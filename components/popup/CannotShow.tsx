import { useLayoutEffect } from 'react';

/** Shown when the popup itself fails; it hands over too, so the first screen does not stay over it. */
export function CannotShow({ onShown }: { onShown: () => void }) {
  useLayoutEffect(onShown, [onShown]);
  // Still a page a screen reader can find its way in: a heading and a main landmark, as the popup has.
  return (
    <main className="main">
      <h1 className="visually-hidden">Savepoint</h1>
      <p role="alert">Savepoint could not show its popup. Close it and open it again.</p>
    </main>
  );
}
