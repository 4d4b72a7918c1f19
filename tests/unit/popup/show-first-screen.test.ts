// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstScreen } from '../../../lib/popup/read-first-screen';
import { BEHIND_FIRST_SCREEN, showFirstScreen } from '../../../lib/popup/show-first-screen';
import { coverAndRoot as page, firstScreen } from './first-screen-fixture';

const NOW = Date.UTC(2026, 11, 5, 12);

const first = (records: Parameters<typeof firstScreen>[0]) => firstScreen(records, NOW);

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('showFirstScreen', () => {
  it('paints the history over the React popup, then hands over to it in one step', async () => {
    const { cover, root } = page();
    const { painted, handOver } = showFirstScreen(
      cover,
      root,
      Promise.resolve(first([{ title: 'Bot names' }])),
      () => NOW,
    );
    expect(await painted).toBe(true);
    expect(cover.querySelector('[role="listitem"]')?.textContent).toContain('Bot names');
    expect(root.classList.contains(BEHIND_FIRST_SCREEN)).toBe(true);

    handOver();
    expect(cover.isConnected).toBe(false);
    expect(root.classList.contains(BEHIND_FIRST_SCREEN)).toBe(false);
  });

  it('is presented once the frame that shows it has been drawn (a frame later), and at once when there is nothing to show', async () => {
    vi.useFakeTimers();
    const { cover, root } = page();
    let presented = false;
    const shown = showFirstScreen(cover, root, Promise.resolve(first([{ title: 'Bot names' }])), () => NOW);
    void shown.presented.then(() => (presented = true));
    expect(await shown.painted).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(presented, 'before the next frame').toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(presented, 'after the next frame, while it may still be drawn').toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(presented, 'after the frame after it').toBe(true);

    const empty = page();
    let emptyPresented = false;
    void showFirstScreen(empty.cover, empty.root, Promise.resolve(null)).presented.then(
      () => (emptyPresented = true),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(emptyPresented).toBe(true);
  });

  it('is presented (the React popup loads) even when painting threw where it was not caught', async () => {
    const { cover } = page();
    const { painted, presented } = showFirstScreen(
      cover,
      null as unknown as HTMLElement,
      Promise.resolve(first([{ title: 'Bot names' }])),
      () => NOW,
    );
    await expect(painted).rejects.toThrow(TypeError);
    await expect(presented).resolves.toBeUndefined();
  });

  it('paints nothing once the React popup has taken over first', async () => {
    const { cover, root } = page();
    let resolve: (screen: FirstScreen) => void = () => undefined;
    const { painted, handOver } = showFirstScreen(
      cover,
      root,
      new Promise((done) => (resolve = done)),
      () => NOW,
    );
    handOver();
    resolve(first([{ title: 'Bot names' }]));
    expect(await painted).toBe(false);
    expect(cover.childElementCount).toBe(0);
    expect(root.classList.contains(BEHIND_FIRST_SCREEN)).toBe(false);
  });

  it.each([
    ['no backup', () => Promise.resolve(first([]))],
    ['nothing to show', () => Promise.resolve(null)],
    ['a failed read', () => Promise.reject(new Error('IndexedDB is closed'))],
    [
      'a screen it cannot draw',
      () =>
        Promise.resolve({
          ...first([{ title: 'Bot names' }]),
          status: {
            state: 'synced' as const,
            lastSyncedAt: 9e15,
            retryable: true,
            waiting: 0,
            quarantined: 0,
            updatedAt: NOW,
          },
          configured: true,
        }),
    ],
  ])('leaves %s to the React popup, which says so itself', async (_name, screen) => {
    const { cover, root } = page();
    const { painted } = showFirstScreen(cover, root, screen(), () => NOW);
    expect(await painted).toBe(false);
    expect(cover.childElementCount).toBe(0);
    expect(root.classList.contains(BEHIND_FIRST_SCREEN)).toBe(false);
  });
});
