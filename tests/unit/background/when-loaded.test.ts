import { describe, expect, it } from 'vitest';
import { whenLoaded } from '../../../lib/background/when-loaded';

describe('waiting for the page a form post was answered with', () => {
  it('settles once the tab has loaded', async () => {
    const states = [true, true, false];
    expect(await whenLoaded(1, 5_000, async () => states.shift() ?? false)).toBe(true);
    expect(states).toEqual([]);
  });

  it('gives up on a page still loading after the wait, so the report is not held for it', async () => {
    expect(await whenLoaded(1, 250, async () => true)).toBe(false);
  });

  it('a closed tab counts as loaded: asking it then fails on its own', async () => {
    expect(
      await whenLoaded(1, 5_000, async () => {
        throw new Error('No tab with id: 1');
      }),
    ).toBe(true);
  });
});
