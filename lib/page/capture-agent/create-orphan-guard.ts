import type { Runtime } from 'webextension-polyfill';

/**
 * Tells when this content script is orphaned (the extension was updated, reloaded or removed: the runtime loses its
 * id) and then removes every listener it added, so an orphan does nothing and throws nothing.
 */
export function createOrphanGuard(runtime: Runtime.Static | undefined) {
  const controller = new AbortController();
  const isInvalid = (): boolean => {
    let alive: boolean;
    try {
      alive = Boolean(runtime?.id);
    } catch {
      alive = false; // Some browsers throw on an orphan's runtime instead of clearing its id.
    }
    if (!alive && !controller.signal.aborted) controller.abort();
    return controller.signal.aborted;
  };
  return {
    isInvalid,
    /** Adds a listener that never runs once the script is orphaned, and is removed then. */
    listen<K extends keyof WindowEventMap>(
      target: Window,
      type: K,
      handler: (event: WindowEventMap[K]) => void,
      options: AddEventListenerOptions = {},
    ) {
      target.addEventListener(
        type,
        (event) => {
          if (!isInvalid()) handler(event);
        },
        { ...options, signal: controller.signal },
      );
    },
    onInvalidated(callback: () => void) {
      controller.signal.addEventListener('abort', callback, { once: true });
    },
  };
}
