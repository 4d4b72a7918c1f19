/** (CSS px) the popup's frame as style.css draws it (`.popup`), when its window has room for it. */
export const POPUP_FRAME = { width: 380, height: 590 } as const;

/** (device-independent px) the largest popup Chrome opens, the browser's zoom applied inside it. */
export const LARGEST_POPUP = { width: 800, height: 600 } as const;

/**
 * Fits the popup's frame to its window where the browser's zoom leaves the window smaller, and follows the window's
 * later sizes. `zoom` is the browser's default zoom factor, which Chrome applies to popups (2 for 200 %).
 *
 * Chrome caps a popup at 800 × 600 device-independent pixels with the zoom applied inside: at 200 % the 380 × 590
 * frame got a 387 × 300 window, at 250 % 320 × 240 (measured in Chromium 156), so the page scrolled as well as the
 * history inside it, the footer out of sight and, at 250 %, the right edge cut off. Fitted, the history scrolls
 * inside the window and the rest stays in view (style.css). Not with `vh`/`vw` in the stylesheet: Chrome sizes a
 * popup to its content, which would then follow the window it sizes. And only a window of the capped size is
 * fitted: one smaller for another reason (a popup Chrome has not yet grown to its content) must stay free to grow.
 *
 * Returns how to stop following the window.
 */
export function fitPopupToWindow(zoom: Promise<number>, win: Window = window): () => void {
  const style = win.document.documentElement.style;
  let factor: number | null = null;
  /** Fits one dimension: the window's, when the zoom capped it below the frame. */
  const fitOne = (name: string, room: number, frame: number, largest: number) => {
    const capped = factor !== null && Math.abs(room - Math.floor(largest / factor)) <= 1;
    if (capped && room < frame) style.setProperty(name, `${room}px`);
    else style.removeProperty(name);
  };
  const fit = () => {
    fitOne('--popup-width', win.innerWidth, POPUP_FRAME.width, LARGEST_POPUP.width);
    fitOne('--popup-height', win.innerHeight, POPUP_FRAME.height, LARGEST_POPUP.height);
  };
  let stopped = false;
  zoom.then(
    (found) => {
      if (stopped || !(found > 0)) return;
      factor = found;
      fit();
    },
    () => undefined,
  );
  win.addEventListener('resize', fit);
  return () => {
    stopped = true;
    win.removeEventListener('resize', fit);
  };
}
