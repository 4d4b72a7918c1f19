import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW } from '../../../convex/sharedLimits';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Bundle } from '../../../lib/journal/bundle-schema';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { exportBundle } from '../../../lib/journal/export-bundle';
import { importBundle } from '../../../lib/journal/import-bundle';
import { openJournal } from '../../../lib/journal/open-journal';
import { DAY } from '../../../lib/time';
import { snapshot } from '../support/snapshot-fixture';

/** (ms since epoch) this device's clock during the tests. */
const NOW = Date.UTC(2026, 4, 1);

async function freshJournal(): Promise<Journal> {
  return createJournal(await openJournal(`import-times-${Math.random()}`));
}

let bundle: Bundle;

beforeEach(async () => {
  const source = await freshJournal();
  for (const [i, name] of ['Ada', 'Grace'].entries()) {
    const body = snapshot('bot-names', { name });
    await source.record({
      id: `b${i}`,
      workspace: 'acme',
      snapshot: body,
      contentHash: await contentHash(body),
      source: 'auto',
      capturedAt: NOW - DAY + i,
      device: 'Chromium on Linux',
    });
  }
  bundle = JSON.parse(JSON.stringify(await exportBundle(source, 'acme'))) as Bundle;
});

function withCapturedAt(capturedAt: number): Bundle {
  const [first, second] = bundle.backups;
  return { ...bundle, backups: [first!, { ...second!, capturedAt }] };
}

describe('imported capture times are held to the limits Convex applies', () => {
  it.each([
    ['5 years ahead of this clock', NOW + 5 * 365 * DAY, /ahead of this device's clock/],
    ['just beyond the allowed skew', NOW + MAX_CLOCK_SKEW + 1, /ahead of this device's clock/],
    ['negative', -1, /capturedAt must be a time in milliseconds/],
  ])('refuses an entry captured %s, naming it', async (_, capturedAt, reason) => {
    const target = await freshJournal();
    const report = await importBundle(target, withCapturedAt(capturedAt), NOW);
    expect(report.added).toBe(0);
    expect(report.invalid).toEqual([{ index: 1, reason: expect.stringMatching(reason) }]);
    expect(await target.count()).toBe(0);
  });

  it('accepts a time ahead of this clock by no more than the allowed skew, and the epoch itself', async () => {
    const ahead = await importBundle(await freshJournal(), withCapturedAt(NOW + MAX_CLOCK_SKEW), NOW);
    expect(ahead).toEqual({ added: 2, identical: 0, conflicting: 0, invalid: [] });
    const epoch = await importBundle(await freshJournal(), withCapturedAt(0), NOW);
    expect(epoch).toEqual({ added: 2, identical: 0, conflicting: 0, invalid: [] });
  });
});
