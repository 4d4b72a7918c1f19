import { describe, expect, it } from 'vitest';
import { answerPageSection } from '../../../lib/background/answer-page-section';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { snapshot } from '../support/snapshot-fixture';

/** The answer page as it shows the section at each ask; `settled` is how it loaded it, once it says. */
function page(asks: (Snapshot | null)[], settled: Map<Snapshot, Snapshot>) {
  let asked = 0;
  return {
    current: async () => asks[Math.min(asked++, asks.length - 1)] ?? null,
    settled: (shown: Snapshot) => settled.get(shown),
    asked: () => asked,
  };
}

describe('the section on the page a form post was answered with', () => {
  it('is the form read once the page has settled, not as it showed at the load (a script fills it after)', async () => {
    const atLoad = snapshot('intern', { maxTicketsPerDay: '' });
    const settled = snapshot('intern', { maxTicketsPerDay: '42' });
    const answer = page(
      [atLoad, settled],
      new Map([[settled, snapshot('intern', { maxTicketsPerDay: '' })]]),
    );
    expect(await answerPageSection(7, { ...answer, loaded: async () => true })).toBe(settled);
    expect(answer.asked()).toBe(2);
  });

  it('is nothing when the page does not show the section, is still loading, or never says how it loaded', async () => {
    const shown = snapshot('intern', { maxTicketsPerDay: '42' });
    expect(await answerPageSection(7, { ...page([null], new Map()), loaded: async () => true })).toBeNull();
    const loading = page([shown], new Map([[shown, shown]]));
    expect(await answerPageSection(7, { ...loading, loaded: async () => false })).toBeNull();
    expect(loading.asked()).toBe(0);
    let clock = 0;
    const silent = { ...page([shown], new Map()), loaded: async () => true, now: () => (clock += 1_000) };
    expect(await answerPageSection(7, silent)).toBeNull();
  });
});
