import {
  createBridgeMessage,
  isSaveMethod,
  type IsSaveFn,
  type ReportFn,
  type SaveMethod,
} from './bridge-protocol';
import { resolvePageUrl } from './resolve-page-url';
import { snapshotBody, type BodySnapshot } from './snapshot-body';
import { createWarnOnce } from './warn-once';

interface SaveRequest {
  method: SaveMethod;
  url: string;
  body: BodySnapshot;
}

/**
 * Wraps `win.fetch` so that a save the server accepted (2xx) is reported. The original fetch runs synchronously,
 * once, with the same `this` and arguments; the page gets its Response or rejection unchanged.
 */
export function wrapFetch(win: Window & typeof globalThis, report: ReportFn, isSave: IsSaveFn): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  const apply = Reflect.apply;
  const warn = createWarnOnce('fetch');

  const onResponse = (request: SaveRequest, response: Response): void => {
    if (!response || response.ok !== true) return;
    const { status } = response;
    request
      .body()
      .then((body) => {
        const message = createBridgeMessage({ via: 'fetch', ...request, status, body }, Date.now());
        if (message) report(message);
      })
      .catch(warn);
  };

  // Method syntax gives a function named `fetch` with no `prototype`, like the native one.
  const wrapped = {
    fetch(this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
      const result: Promise<Response> = apply(original, this, args);
      let request: SaveRequest | null = null;
      try {
        request = describeSave(win, args, isSave);
      } catch (error) {
        warn(error);
      }
      if (!request || typeof result?.then !== 'function') return result;
      // The page gets a promise that settles exactly like the original (same Response, same rejection reason);
      // observing through it, rather than beside it, keeps the page's unhandled-rejection reports unchanged.
      return result.then((response) => {
        try {
          onResponse(request, response);
        } catch (error) {
          warn(error);
        }
        return response;
      });
    },
  }.fetch;
  Object.defineProperty(wrapped, 'length', { value: original.length });
  Object.defineProperty(wrapped, 'toString', {
    value: () => Function.prototype.toString.call(original),
    configurable: true,
    writable: true,
  });
  win.fetch = wrapped;
}

function describeSave(
  win: Window & typeof globalThis,
  [input, init]: Parameters<typeof fetch>,
  isSave: IsSaveFn,
): SaveRequest | null {
  const fromRequest = typeof win.Request === 'function' && input instanceof win.Request;
  const method = String(init?.method ?? (fromRequest ? (input as Request).method : 'GET')).toUpperCase();
  const url = resolvePageUrl(win, fromRequest ? (input as Request).url : (input as string | URL));
  if (!isSaveMethod(method) || !isSave(method, url)) return null;
  // A keepalive request is a ping meant to outlive the page (analytics, "last seen"), never a settings save.
  if (init?.keepalive ?? (fromRequest && (input as Request).keepalive)) return null;
  const initBody = init?.body ?? undefined;
  // A Request's own body is a stream the page may still need: never clone or read it.
  const body = fromRequest && initBody === undefined ? unread : snapshotBody(initBody, win);
  return { method, url, body };
}

const unread: BodySnapshot = () => Promise.resolve({ kind: 'unread' });
