import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRestoreService } from '../../../lib/background/create-restore-service';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { WatchedDashboard } from '../../../lib/storage';

const WATCHED: WatchedDashboard[] = [
  { id: 'd', pattern: 'http://127.0.0.1:*/:workspace/settings*', extraLeftOut: [], managed: false },
];

function service(snapshot: Snapshot, workspace = 'acme') {
  const opened = vi.spyOn(fakeBrowser.tabs, 'create');
  const restore = createRestoreService({
    journal: {
      get: async () => ({
        id: 'b1',
        workspace,
        type: snapshot.type,
        title: snapshot.title,
        contentHash: 'h',
      }),
      snapshotOf: async () => snapshot,
    } as never,
    capture: {} as never,
    readWatched: async () => WATCHED,
    readSettings: async () => ({}) as never,
    device: async () => 'dev',
    salt: async () => 'salt-salt-salt-salt',
  });
  return { restore, opened };
}

const backup = (pageUrl: string): Snapshot => ({
  type: 'brain',
  title: 'Brain',
  pageUrl,
  fields: [{ key: 'model', label: 'Model', value: 'x', locator: { name: 'model', inputType: 'text' } }],
  trigger: { kind: 'xhr' },
  leftOut: [],
  request: { method: 'DELETE', url: '/api/acme/account', bodyKind: 'json', body: {} },
});

describe('a restore acts only where the backup belongs', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['a page of another workspace', 'http://127.0.0.1:4410/globex/settings'],
    ['a page nobody watches', 'https://evil.example/acme/settings'],
    ['a page that is not a URL', 'javascript:alert(1)'],
  ])('refuses a backup whose page is %s, and opens nothing', async (_name, pageUrl) => {
    const { restore, opened } = service(backup(pageUrl));
    await expect(restore.apply('b1')).rejects.toThrow(/not a watched dashboard of workspace acme/);
    await expect(restore.preview('b1')).rejects.toThrow(/not a watched dashboard of workspace acme/);
    expect(opened).not.toHaveBeenCalled();
  });
});
