import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dashboardAt, dashboardInTab } from '../../../lib/background/dashboard-at';
import { writeWatched, type WatchedDashboard } from '../../../lib/storage';

const ACME: WatchedDashboard = {
  id: 'a',
  pattern: 'https://dash.example.com/:workspace/settings*',
  extraLeftOut: [],
  managed: false,
};

describe('the watched dashboard a page or tab belongs to', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await writeWatched([ACME]);
  });

  it.each([
    ['a page of a watched dashboard', 'https://dash.example.com/acme/settings', 'acme'],
    ['a page of another workspace', 'https://dash.example.com/globex/settings?tab=2', 'globex'],
    ['a page no dashboard watches', 'https://dash.example.com/about', null],
    ['no page at all', null, null],
  ])('%s', async (_case, url, workspace) => {
    const found = await dashboardAt(url);
    expect(found?.workspace ?? null).toBe(workspace);
    if (found) expect(found).toMatchObject({ url, dashboard: ACME, watched: [ACME] });
  });

  it('follows the list as it is now, not as it was', async () => {
    await writeWatched([]);
    expect(await dashboardAt('https://dash.example.com/acme/settings')).toBeNull();
  });

  it('finds the dashboard a tab shows, and nothing for a tab that is gone', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings' });
    expect((await dashboardInTab(tab.id!))?.workspace).toBe('acme');
    expect(await dashboardInTab(tab.id! + 1000)).toBeNull();
  });
});
