import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The keyboard shortcut of the `capture-now` command, or null when none is set. */
export function useShortcut(command = 'capture-now'): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    browser.commands
      .getAll()
      .then((commands) => {
        const found = commands.find((entry) => entry.name === command)?.shortcut;
        if (live) setShortcut(found || null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [command]);
  return shortcut;
}
