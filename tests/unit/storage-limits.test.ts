import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_RETENTION } from '../../convex/sharedLimits';
import { parseManagedPolicy } from '../../lib/managed/managed-policy';
import { readSettings, settingsItem } from '../../lib/storage';

describe('a retention stored before Convex and the extension agreed on one limit', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads as the most a device may keep, without losing the Convex connection', async () => {
    await settingsItem.setValue({
      convexUrl: 'https://corp.convex.cloud',
      accessKey: 'sp_key',
      retentionPerSection: 50_000,
      locked: [],
    } as never);
    expect(await readSettings()).toMatchObject({
      convexUrl: 'https://corp.convex.cloud',
      accessKey: 'sp_key',
      retentionPerSection: MAX_RETENTION,
    });
  });

  it('is ignored in a managed policy above the limit, like any out-of-range value', () => {
    expect(parseManagedPolicy({ retentionPerSection: MAX_RETENTION })).toEqual({
      retentionPerSection: MAX_RETENTION,
    });
    expect(parseManagedPolicy({ retentionPerSection: MAX_RETENTION + 1 })).toEqual({});
  });
});
