// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fitPopupToWindow } from '../../../lib/popup/fit-popup-to-window';

/** A window of `width` × `height` over this test's document, which can be resized. */
function fakeWindow(width: number, height: number) {
  const events = new EventTarget();
  const win = {
    document,
    innerWidth: width,
    innerHeight: height,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  const resize = (nextWidth: number, nextHeight: number) => {
    win.innerWidth = nextWidth;
    win.innerHeight = nextHeight;
    events.dispatchEvent(new Event('resize'));
  };
  return { win: win as unknown as Window, resize };
}

const fitted = () => ({
  width: document.documentElement.style.getPropertyValue('--popup-width'),
  height: document.documentElement.style.getPropertyValue('--popup-height'),
});

afterEach(() => {
  document.documentElement.removeAttribute('style');
});

/** Fits with the browser's zoom at `zoom`, once that is known. */
async function fit(win: Window, zoom: number) {
  const stop = fitPopupToWindow(Promise.resolve(zoom), win);
  await Promise.resolve();
  return stop;
}

describe('the popup in a window the zoom left smaller than its frame', () => {
  it('takes the window’s size: at 250 % Chrome gives it 320 × 240', async () => {
    await fit(fakeWindow(320, 240).win, 2.5);
    expect(fitted()).toEqual({ width: '320px', height: '240px' });
  });

  it('only where the window is smaller: at 200 % 387 × 300, wide enough', async () => {
    await fit(fakeWindow(387, 300).win, 2);
    expect(fitted()).toEqual({ width: '', height: '300px' });
  });

  it('at 300 %, 266 × 200 (800 / 3 is 266.7)', async () => {
    await fit(fakeWindow(266, 200).win, 3);
    expect(fitted()).toEqual({ width: '266px', height: '200px' });
  });

  it('follows the window as it changes, back to the whole frame, until stopped', async () => {
    const { win, resize } = fakeWindow(320, 240);
    const stop = await fit(win, 2.5);
    resize(800, 600);
    expect(fitted()).toEqual({ width: '', height: '' });
    resize(320, 240);
    expect(fitted()).toEqual({ width: '320px', height: '240px' });
    stop();
    resize(800, 600);
    expect(fitted()).toEqual({ width: '320px', height: '240px' });
  });

  it('leaves a window smaller for another reason free to grow: a popup Chrome has not yet sized to its content', async () => {
    await fit(fakeWindow(200, 200).win, 1);
    expect(fitted()).toEqual({ width: '', height: '' });
    const zoomed = fakeWindow(25, 25);
    await fit(zoomed.win, 2.5);
    expect(fitted()).toEqual({ width: '', height: '' });
    zoomed.resize(320, 240);
    expect(fitted()).toEqual({ width: '320px', height: '240px' });
  });

  it('does nothing until the zoom is known, nor when it cannot be read', async () => {
    fitPopupToWindow(Promise.reject(new Error('no tabs API')), fakeWindow(320, 240).win);
    await Promise.resolve();
    expect(fitted()).toEqual({ width: '', height: '' });
  });
});
