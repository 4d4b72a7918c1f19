import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * Whether an origin permission is granted, checked ahead of any click (so the click can ask for it without an
 * await first) and kept current when access is granted or revoked elsewhere. Null until known.
 */
export function useOriginGranted(origin: string | null): boolean | null {
  const [known, setKnown] = useState<{ origin: string; granted: boolean } | null>(null);
  useEffect(() => {
    if (!origin) return;
    let active = true;
    const check = () =>
      void browser.permissions
        .contains({ origins: [origin] })
        .then((granted) => active && setKnown({ origin, granted }))
        .catch(() => active && setKnown({ origin, granted: false }));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      active = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [origin]);
  return origin && known?.origin === origin ? known.granted : null;
}
