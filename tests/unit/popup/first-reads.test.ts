import { beforeEach, describe, expect, it, vi } from 'vitest';

const reads = vi.hoisted(() => ({
  tab: vi.fn(),
  watched: vi.fn(),
  statuses: vi.fn(),
  settings: vi.fn(),
  workspaces: vi.fn(),
  newest: vi.fn(),
}));

vi.mock('../../../lib/popup/target-tab', () => ({ readTargetTab: reads.tab }));
vi.mock('../../../lib/storage', () => ({
  readWatched: reads.watched,
  readStatuses: reads.statuses,
  readSettings: reads.settings,
}));
vi.mock('../../../lib/popup/popup-journal', () => ({
  popupJournal: async () => ({ workspaces: reads.workspaces, newest: reads.newest }),
}));

const { startFirstReads, takeFirstScreen } = await import('../../../lib/popup/first-reads');

describe('startFirstReads', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    reads.watched.mockResolvedValue([{ pattern: 'https://app.example.com/:workspace/settings*' }]);
    reads.settings.mockResolvedValue({});
    reads.newest.mockImplementation(async (workspace: string) => [{ id: `${workspace}-newest` }]);
  });

  it("on a watched dashboard's tab, shows that dashboard's workspace first", async () => {
    reads.tab.mockResolvedValue({ id: 1, url: 'https://app.example.com/zeta/settings/general' });
    reads.statuses.mockResolvedValue({ acme: {} });
    reads.workspaces.mockResolvedValue(['acme']);
    startFirstReads();
    expect(await takeFirstScreen('zeta')).toEqual([{ id: 'zeta-newest' }]);
  });

  it('elsewhere, shows the first workspace by name among those with backups or a sync status', async () => {
    reads.tab.mockResolvedValue({ id: 1, url: 'https://news.example.org/' });
    reads.statuses.mockResolvedValue({ zeta: {} });
    reads.workspaces.mockResolvedValue(['globex', 'acme']);
    startFirstReads();
    expect(await takeFirstScreen('acme')).toEqual([{ id: 'acme-newest' }]);
    expect(reads.newest).toHaveBeenCalledOnce();
  });
});
