/** Status (HTTP) the next fake XHR answers with. */
export const fakeServer = { status: 200, responseText: '{"ok":true}' };

/** Minimal XMLHttpRequest stand-in: no network; answers after a timer, or inside `send` when opened synchronously. */
export class FakeXhr extends EventTarget {
  static sends = 0;
  readyState = 0;
  status = 0;
  responseText = '';
  onload: ((event: Event) => void) | null = null;
  opened: unknown[] | null = null;

  open(...args: unknown[]): void {
    if (typeof args[0] !== 'string' || !/^[a-z]+$/i.test(args[0])) throw new SyntaxError('bad method');
    this.opened = args;
    this.readyState = 1;
  }

  send(body?: unknown): string {
    if (!this.opened) throw new DOMException('not opened', 'InvalidStateError');
    FakeXhr.sends += 1;
    const async = this.opened[2] !== false;
    this.opened = null;
    void body;
    if (async) setTimeout(() => this.finish(), 0);
    else this.finish();
    return 'original-send-result';
  }

  private finish(): void {
    this.readyState = 4;
    this.status = fakeServer.status;
    this.responseText = fakeServer.responseText;
    // happy-dom's EventTarget also calls the `onload` property, like a real XHR.
    this.dispatchEvent(new Event('load'));
    this.dispatchEvent(new Event('loadend'));
  }
}
