// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_WAIT, showFirstScreen } from '../../../lib/popup/show-first-screen';
import { LONGEST_COVER, startPopup } from '../../../lib/popup/start-popup';
import { coverAndRoot as page, firstScreen } from './first-screen-fixture';

const NOW = Date.now();

const screen = () => firstScreen([{ id: 'r1', contentHash: 'h' }], NOW);

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('startPopup', () => {
  it('loads the React popup at once when there is nothing to paint', async () => {
    vi.useFakeTimers();
    const { cover, root } = page();
    const mountApp = vi.fn();
    void startPopup(root, showFirstScreen(cover, root, Promise.resolve(null)), async () => ({ mountApp }));
    await vi.advanceTimersByTimeAsync(0);
    expect(mountApp).toHaveBeenCalledOnce();
  });

  it('loads the React popup at once when there is no first screen (wxt dev, where its script did not run)', async () => {
    vi.useFakeTimers();
    const { root } = page();
    const mountApp = vi.fn();
    void startPopup(root, undefined, async () => ({ mountApp }));
    await vi.advanceTimersByTimeAsync(0);
    expect(mountApp).toHaveBeenCalledOnce();
  });

  it('loads it anyway when the first screen takes longer than FIRST_SCREEN_WAIT', async () => {
    vi.useFakeTimers();
    const { cover, root } = page();
    const mountApp = vi.fn();
    void startPopup(root, showFirstScreen(cover, root, new Promise(() => undefined)), async () => ({
      mountApp,
    }));
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_WAIT - 1);
    expect(mountApp).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(mountApp).toHaveBeenCalledOnce();
  });

  it('takes the first screen away after LONGEST_COVER if the React popup never shows its history', async () => {
    vi.useFakeTimers();
    const { cover, root } = page();
    void startPopup(root, showFirstScreen(cover, root, Promise.resolve(screen())), async () => ({
      mountApp: () => undefined,
    }));
    await vi.advanceTimersByTimeAsync(LONGEST_COVER - 1);
    expect(cover.querySelector('[role="listitem"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(cover.isConnected).toBe(false);
  });

  it('says so when the React popup cannot load, and takes the first screen away', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { cover, root } = page();
    await startPopup(root, showFirstScreen(cover, root, Promise.resolve(screen())), () =>
      Promise.reject(new Error('chunk missing')),
    );
    expect(cover.isConnected).toBe(false);
    expect(root.getAttribute('role')).toBe('alert');
    expect(root.textContent).toBe('Savepoint could not load its popup. Close it and open it again.');
  });

  it('hands over when the React popup shows its history', async () => {
    const { cover, root } = page();
    let shown = () => undefined as void;
    await startPopup(root, showFirstScreen(cover, root, Promise.resolve(screen())), async () => ({
      mountApp: (_root, onShown) => (shown = onShown),
    }));
    expect(cover.querySelector('[role="listitem"]')).not.toBeNull();
    shown();
    expect(cover.isConnected).toBe(false);
  });
});
