import { DEFERRED_MODULE, DEFERRED_PRELOAD } from './defer-popup-tags';

/**
 * Starts the popup's deferred module (the React popup's entry, defer-popup-tags.ts) and its preloaded chunks once
 * `presented` settles: the first screen is on screen, or has nothing to show. Loaded alongside the first screen's
 * script, they made its first entry 20 ms later (100 paired opens at 10,000 backups). `failed` runs when the module
 * or a chunk it imports cannot be fetched: the module that would say so never runs. Does nothing where popup.html
 * has no deferred module (`wxt dev`, whose module script loads as usual and waits for the first screen itself).
 */
export function loadDeferredPopup(
  presented: Promise<unknown>,
  failed: (error: unknown) => void,
  doc: Document = document,
): void {
  const scripts = [...doc.querySelectorAll<HTMLScriptElement>(`script[type="${DEFERRED_MODULE}"]`)];
  const preloads = [...doc.querySelectorAll<HTMLLinkElement>(`link[rel="${DEFERRED_PRELOAD}"]`)];
  if (scripts.length === 0) return;
  const load = () => {
    for (const deferred of preloads) {
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.href = deferred.href;
      doc.head.append(link);
    }
    for (const deferred of scripts) {
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = deferred.src;
      script.addEventListener('error', () => failed(new Error(`${deferred.src} did not load`)));
      doc.head.append(script);
    }
  };
  presented.then(load, load);
}
