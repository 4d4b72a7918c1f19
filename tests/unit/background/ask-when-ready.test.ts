import { describe, expect, it } from 'vitest';
import { AGENT_AFTER_LOAD, AGENT_WAIT, askWhenReady } from '../../../lib/background/ask-when-ready';

const NO_AGENT = new Error('Could not establish connection. Receiving end does not exist.');

/** A tab whose agent answers from `readyAt` (ms) on, and which loads until `loadedAt`. */
function tab({ readyAt, loadedAt }: { readyAt: number; loadedAt: number }) {
  let clock = 0;
  return {
    clock: () => clock,
    deps: {
      ask: async () => {
        if (clock < readyAt) throw NO_AGENT;
        return { drafts: [] };
      },
      isLoading: async () => clock < loadedAt,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
    },
  };
}

describe('askWhenReady', () => {
  it("waits for the agent of a page that is loading its answer (a form save's redirect), then asks it", async () => {
    const { deps, clock } = tab({ readyAt: 4_000, loadedAt: 3_500 });
    await expect(askWhenReady(7, deps)).resolves.toEqual({ drafts: [] });
    expect(clock()).toBeGreaterThanOrEqual(4_000);
  });

  it('says in words that the page must be reloaded when a loaded page never gets its agent', async () => {
    const { deps, clock } = tab({ readyAt: Infinity, loadedAt: 0 });
    await expect(askWhenReady(7, deps)).rejects.toThrow(/reload it, then try again/);
    expect(clock()).toBeLessThanOrEqual(AGENT_AFTER_LOAD + 250);
  });

  it('gives up on a page that never ends loading', async () => {
    const { deps, clock } = tab({ readyAt: Infinity, loadedAt: Infinity });
    await expect(askWhenReady(7, deps)).rejects.toThrow(/reload it/);
    expect(clock()).toBeLessThanOrEqual(AGENT_WAIT + 250);
  });

  it('passes on any other failure at once', async () => {
    const deps = {
      ask: async () => Promise.reject(new Error('No tab with id: 7')),
      isLoading: async () => false,
    };
    await expect(askWhenReady(7, deps)).rejects.toThrow('No tab with id: 7');
  });
});
