/**
 * The `type` the popup's module script is built with instead of `module`: a type the browser neither fetches nor
 * runs, so popup.html fetches only the first screen's script before its first paint. load-deferred-popup.ts starts
 * the module once the first screen is on screen.
 */
export const DEFERRED_MODULE = 'savepoint/deferred-module';
/** The `rel` the module's preloaded chunks are built with instead of `modulepreload`, for the same reason. */
export const DEFERRED_PRELOAD = 'savepoint-deferred-modulepreload';

const MODULE_SCRIPT = /<script type="module"( [^>]*)?>/g;
const MODULE_PRELOAD = /<link rel="modulepreload"/g;

/**
 * popup.html as Vite built it, with its module script (the React popup's entry) and the chunks it preloads
 * deferred. Throws unless there is exactly one module script, the shape Vite writes: a build that did not defer it
 * would still work, but fetch the React popup's scripts alongside the first screen's.
 */
export function deferPopupTags(html: string): string {
  const scripts = html.match(MODULE_SCRIPT) ?? [];
  if (scripts.length !== 1)
    throw new Error(`popup.html should have one module script to defer, found ${scripts.length}`);
  return html
    .replace(MODULE_SCRIPT, `<script type="${DEFERRED_MODULE}"$1>`)
    .replace(MODULE_PRELOAD, `<link rel="${DEFERRED_PRELOAD}"`);
}
