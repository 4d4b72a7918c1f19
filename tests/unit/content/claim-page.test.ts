import { afterEach, describe, expect, it } from 'vitest';
import { claimPage, PAGE_AGENT } from '../../../lib/page/capture-agent/claim-page';

afterEach(() => {
  (globalThis as Record<symbol, unknown>)[PAGE_AGENT] = undefined;
});

describe('one capture agent per page', () => {
  it('lets a second copy of the script stand down while the first is live', () => {
    expect(claimPage(() => true)).not.toBeNull();
    expect(claimPage(() => true)).toBeNull();
  });

  it('lets a new version take over from an orphan of the old one', () => {
    let oldAlive = true;
    expect(claimPage(() => oldAlive)).not.toBeNull();
    oldAlive = false; // the extension was updated or reloaded
    const claim = claimPage(() => true);
    expect(claim).not.toBeNull();
    claim!.listening();
    const mark = (globalThis as Record<symbol, unknown>)[PAGE_AGENT] as (() => boolean) & {
      listening?: boolean;
    };
    expect(mark()).toBe(true);
    expect(mark.listening).toBe(true);
  });

  it('frees the page when the agent gives up (the page is not watched), so a later injection can start', () => {
    const claim = claimPage(() => true);
    claim!.release();
    expect(claimPage(() => true)).not.toBeNull();
  });
});
