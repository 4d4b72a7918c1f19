import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  driftItem,
  installItem,
  pullMarksItem,
  readDrift,
  readInstall,
  readPullMark,
  readSettings,
  readStatuses,
  readWatched,
  readWorkspaceFacts,
  settingsItem,
  statusItem,
  watchedItem,
  workspaceFactsItem,
  writeStatus,
} from '../../lib/storage';
import type { SettingsV1, WatchedDashboardV1 } from '../../lib/storage-migrations';

/** Puts a value in chrome.storage.local as an older version of Savepoint left it (no `$` meta = version 1). */
async function stored(key: string, value: unknown, version?: number) {
  await fakeBrowser.storage.local.set({ [key]: value, ...(version ? { [`${key}$`]: { v: version } } : {}) });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('local:settings', () => {
  it('v1 (one key, retention up to 100,000) migrates to v2 keeping the URL and key', async () => {
    const v1: SettingsV1 = {
      convexUrl: 'https://happy-animal-123.convex.cloud',
      accessKey: 'sp_old',
      retentionPerSection: 50_000,
      locked: [],
    };
    await stored('settings', v1);
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      convexUrl: 'https://happy-animal-123.convex.cloud',
      accessKey: 'sp_old',
      workspaceKeys: [],
      retentionPerSection: 10_000,
      locked: [],
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });

  it('v2 is read as it is', async () => {
    const v2 = {
      convexUrl: 'https://x.convex.cloud',
      accessKey: 'sp_main',
      workspaceKeys: [{ workspace: 'globex', accessKey: 'sp_globex' }],
      retentionPerSection: 20,
      locked: ['convexUrl'],
    };
    await stored('settings', v2, 2);
    await settingsItem.migrate();
    expect(await readSettings()).toEqual(v2);
  });

  it('a malformed field takes its default; the others, the access key among them, are kept', async () => {
    await stored(
      'settings',
      { convexUrl: 'https://x.convex.cloud', accessKey: 'sp_main', locked: 'oops' },
      2,
    );
    expect(await readSettings()).toMatchObject({
      convexUrl: 'https://x.convex.cloud',
      accessKey: 'sp_main',
      locked: [],
    });
  });
});

describe('local:watchedDashboards', () => {
  it('v1 entries migrate to v2 with no ignore rules and no hand-set workspace', async () => {
    const v1: WatchedDashboardV1[] = [
      {
        id: 'a',
        pattern: 'https://app.example.com/:workspace/settings*',
        extraLeftOut: ['sso'],
        managed: false,
      },
    ];
    await stored('watchedDashboards', v1);
    await watchedItem.migrate();
    expect(await readWatched()).toEqual([{ ...v1[0], ignoreRules: [] }]);
  });

  it('v2 keeps ignore rules and the workspace set by hand', async () => {
    const v2 = [
      {
        id: 'a',
        pattern: 'http://grafana.internal:3000/*',
        extraLeftOut: [],
        ignoreRules: ['POST /api/test'],
        managed: false,
        workspace: 'acme',
      },
    ];
    await stored('watchedDashboards', v2, 2);
    await watchedItem.migrate();
    expect(await readWatched()).toEqual(v2);
  });
});

describe('version 1 items read their fixture, and drop only a malformed entry', () => {
  it('local:syncStatus', async () => {
    await stored('syncStatus', {
      acme: { state: 'synced', retryable: true, waiting: 0, quarantined: 0, updatedAt: 1 },
      broken: { state: 'exploded' },
    });
    await statusItem.migrate();
    expect(Object.keys(await readStatuses())).toEqual(['acme']);
  });

  it('local:drift', async () => {
    const drift = {
      changed: 1,
      since: 1,
      sections: [{ type: 't', title: 'T', changed: 1, backupId: 'b' }],
      checkedAt: 2,
    };
    await stored('drift', { acme: drift, broken: { changed: 'x' } });
    await driftItem.migrate();
    expect(await readDrift()).toEqual({ acme: drift });
  });

  it('local:install', async () => {
    const install = { salt: '0123456789abcdef0123', deviceId: 'd', deviceName: 'Chromium on Linux' };
    await stored('install', install);
    await installItem.migrate();
    expect(await readInstall()).toEqual(install);
  });

  it('local:pullMarks', async () => {
    await stored('pullMarks', { acme: { at: 5, ids: ['x'] }, broken: { at: 'x' } });
    await pullMarksItem.migrate();
    expect(await readPullMark('acme')).toEqual({ at: 5, ids: ['x'] });
    expect(await readPullMark('broken')).toBeUndefined();
  });

  it('local:workspaceFacts', async () => {
    await stored('workspaceFacts', {
      acme: { role: 'admin', changesAt: 3, checkedAt: 4 },
      broken: { role: 'root' },
    });
    await workspaceFactsItem.migrate();
    expect(await readWorkspaceFacts()).toEqual({ acme: { role: 'admin', changesAt: 3, checkedAt: 4 } });
  });
});

describe('validated writers', () => {
  it('refuse a status that does not fit its schema, writing nothing', async () => {
    await expect(writeStatus('acme', { state: 'exploded' } as never)).rejects.toThrow();
    expect(await readStatuses()).toEqual({});
  });
});
