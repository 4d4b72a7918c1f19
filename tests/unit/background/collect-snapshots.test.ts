// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { collectSnapshots, isHiddenSection, lockedFields } from '../../../lib/background/collect-snapshots';
import { secretHash } from '../../../lib/capture/secret-hash';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { installItem, type WatchedDashboard } from '../../../lib/storage';
import { mount } from '../capture/demo-dashboard';

const DASHBOARD: WatchedDashboard = {
  id: 'd1',
  pattern: 'https://dash.example.com/:workspace/settings*',
  extraLeftOut: ['webhook'],
  managed: false,
};
/** The install's salt, as the worker keeps it in memory and gives it to collectSnapshots. */
const SALT = 'install-salt-install-salt';
const OTHER: WatchedDashboard = { ...DASHBOARD, id: 'd2', pattern: 'https://other.example.com/:workspace/*' };

async function answerFrom(pageUrl: string) {
  const draft = await buildDraft({
    container: mount(
      '<form><input name="model" value="claude"><input name="webhook" value="https://h"></form>',
      'form',
    ),
    pageUrl,
    trigger: { kind: 'manual' },
  });
  return async () => JSON.parse(JSON.stringify({ drafts: [draft] })) as unknown;
}

beforeEach(() => fakeBrowser.reset());

describe('collecting what a dashboard tab shows', () => {
  it("finishes the tab's sections with that dashboard's own rules", async () => {
    const ask = await answerFrom('https://dash.example.com/acme/settings');
    const [snapshot] = await collectSnapshots(
      7,
      { dashboard: DASHBOARD, workspace: 'acme' },
      [DASHBOARD],
      async () => SALT,
      ask,
    );
    expect(snapshot?.fields.find((f) => f.key === 'webhook')).toMatchObject({ value: null });
    expect(snapshot?.fields.find((f) => f.key === 'model')).toMatchObject({ value: 'claude' });
  });

  it('hashes left-out secrets with the salt its caller gives, without reading the stored install', async () => {
    // A stored install with another salt: were it read, the secret's hash would be made with that salt.
    await installItem.setValue({ salt: 'stored-salt-stored-salt', deviceId: 'd', deviceName: 'test' });
    const storedRead = vi.spyOn(installItem, 'getValue');
    const salt = vi.fn(async () => SALT);
    const ask = await answerFrom('https://dash.example.com/acme/settings');
    const [snapshot] = await collectSnapshots(
      7,
      { dashboard: DASHBOARD, workspace: 'acme' },
      [DASHBOARD],
      salt,
      ask,
    );
    const webhook = snapshot?.fields.find((f) => f.key === 'webhook');
    expect(webhook?.secret?.hash).toBe(await secretHash(SALT, 'webhook', 'https://h'));
    expect(salt).toHaveBeenCalledOnce();
    expect(storedRead).not.toHaveBeenCalled();
  });

  it('tells which fields the page keeps locked (disabled), for the restore preview to say so', async () => {
    const draft = await buildDraft({
      container: mount(
        '<form><input name="model" value="claude"><fieldset disabled><input name="region" value="eu"></fieldset>' +
          '<input name="tone" aria-disabled="true" value="calm"></form>',
        'form',
      ),
      pageUrl: 'https://dash.example.com/acme/settings',
      trigger: { kind: 'manual' },
    });
    const ask = async () => JSON.parse(JSON.stringify({ drafts: [draft] })) as unknown;
    const [snapshot] = await collectSnapshots(
      7,
      { dashboard: DASHBOARD, workspace: 'acme' },
      [DASHBOARD],
      async () => SALT,
      ask,
    );
    expect(lockedFields(snapshot!)).toEqual(['region']);
  });

  it('tells which sections the page keeps hidden (a closed dialog), for a restore to send their save instead', async () => {
    const ask = await answerFrom('https://dash.example.com/acme/settings');
    const answer = (await ask()) as { drafts: { section: { hidden?: true } }[] };
    const shown = answer.drafts[0]!;
    const closed = { ...shown, section: { ...shown.section, hidden: true as const } };
    const [open, hidden] = await collectSnapshots(
      7,
      { dashboard: DASHBOARD, workspace: 'acme' },
      [DASHBOARD],
      async () => SALT,
      async () => ({ drafts: [shown, closed] }),
    );
    expect([isHiddenSection(open!), isHiddenSection(hidden!)]).toEqual([false, true]);
  });

  it.each([
    ['another workspace', 'https://dash.example.com/globex/settings'],
    ['another dashboard', 'https://other.example.com/acme/home'],
    ['a page that is not watched', 'https://dash.example.com/about'],
  ])('refuses an answer from %s (the tab navigated meanwhile)', async (_what, url) => {
    const ask = await answerFrom(url);
    await expect(
      collectSnapshots(
        7,
        { dashboard: DASHBOARD, workspace: 'acme' },
        [DASHBOARD, OTHER],
        async () => SALT,
        ask,
      ),
    ).rejects.toThrow('The page changed while Savepoint read it; try again');
  });
});
