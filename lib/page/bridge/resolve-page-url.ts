/** Resolves a request URL the way the page's fetch/XHR does: against the document's base URL. */
export function resolvePageUrl(win: Window, raw: string | URL): string {
  return new URL(raw, win.document?.baseURI ?? win.location.href).href;
}
