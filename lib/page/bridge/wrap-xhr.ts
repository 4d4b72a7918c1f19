import { createBridgeMessage, isSaveMethod, type IsSaveFn, type ReportFn } from './bridge-protocol';
import { resolvePageUrl } from './resolve-page-url';
import { snapshotBody } from './snapshot-body';
import { createWarnOnce } from './warn-once';

/** Status range (HTTP) that counts as "the server accepted the save". */
const OK_MIN = 200;
const OK_MAX = 299;

/**
 * Patches `XMLHttpRequest.prototype.open`/`send` so that a save the server accepted (2xx) is reported on
 * `loadend`. The originals run with the same `this` and arguments and return or throw exactly what they would.
 */
export function wrapXhr(win: Window & typeof globalThis, report: ReportFn, isSave: IsSaveFn): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto || typeof proto.open !== 'function' || typeof proto.send !== 'function') return;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const apply = Reflect.apply;
  const warn = createWarnOnce('xhr');
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string }>();

  /** Starts watching one send; returns the listener so a throwing `send` can take it back. */
  const watch = (xhr: XMLHttpRequest, rawBody: unknown): (() => void) | null => {
    const request = opened.get(xhr);
    if (!request) return null;
    const { method, url } = request;
    if (!isSaveMethod(method) || !isSave(method, url)) return null;
    // Summarised before sending: the page may reuse its FormData once `send` returns.
    const body = snapshotBody(rawBody, win);
    const onLoadEnd = (): void => {
      try {
        const { status } = xhr;
        if (status < OK_MIN || status > OK_MAX) return;
        body()
          .then((summary) => {
            const message = createBridgeMessage(
              { via: 'xhr', method, url, status, body: summary },
              Date.now(),
            );
            if (message) report(message);
          })
          .catch(warn);
      } catch (error) {
        warn(error);
      }
    };
    // Added before `send` so a synchronous XHR, whose loadend fires inside `send`, is seen too.
    xhr.addEventListener('loadend', onLoadEnd, { once: true });
    return onLoadEnd;
  };

  const methods = {
    open(this: XMLHttpRequest, ...args: unknown[]): void {
      const result = apply(originalOpen, this, args);
      try {
        opened.set(this, {
          method: String(args[0]).toUpperCase(),
          url: resolvePageUrl(win, String(args[1])),
        });
      } catch (error) {
        opened.delete(this);
        warn(error);
      }
      return result;
    },
    send(this: XMLHttpRequest, ...args: unknown[]): void {
      let listener: (() => void) | null = null;
      try {
        listener = watch(this, args[0]);
      } catch (error) {
        warn(error);
      }
      try {
        return apply(originalSend, this, args);
      } catch (error) {
        // No request went out: drop the listener so a later send of this object is not reported twice.
        if (listener) this.removeEventListener('loadend', listener);
        throw error;
      }
    },
  };
  Object.defineProperty(methods.open, 'length', { value: originalOpen.length });
  Object.defineProperty(methods.send, 'length', { value: originalSend.length });
  proto.open = methods.open as typeof proto.open;
  proto.send = methods.send;
}
