import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addWatched, removeWatched, updateWatched } from '../../../lib/watch/watched-edits';
import { readWatched, writeSettings, writeWatched } from '../../../lib/storage';

const A = 'https://a.example.com/:workspace/settings*';
const A2 = 'https://a.example.com/admin/*';
const B = 'https://b.example.com/settings*';

describe('watched dashboard edits', () => {
  let removed: string[][];

  beforeEach(() => {
    fakeBrowser.reset();
    removed = [];
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
      removed.push(origins);
      return true;
    });
  });

  it('adds a user dashboard with a fresh id', async () => {
    const added = await addWatched(` ${A} `);
    expect(await readWatched()).toEqual([{ id: added.id, pattern: A, extraLeftOut: [], managed: false }]);
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an invalid or duplicate pattern', async () => {
    await addWatched(A);
    await expect(addWatched('nope')).rejects.toThrow(/URL pattern like/);
    await expect(addWatched(A)).rejects.toThrow(/already watched/);
    expect(await readWatched()).toHaveLength(1);
  });

  it('removes a dashboard and gives back its origin only when no other dashboard uses it', async () => {
    const first = await addWatched(A);
    const second = await addWatched(A2);
    const third = await addWatched(B);
    await removeWatched(first.id);
    expect(removed).toEqual([]);
    await removeWatched(second.id);
    expect(removed).toEqual([['https://a.example.com/*']]);
    expect((await readWatched()).map((d) => d.id)).toEqual([third.id]);
  });

  it('edits a dashboard, dropping an emptied save pattern and giving back an origin left behind', async () => {
    const added = await addWatched(A);
    await updateWatched(added.id, { pattern: A, savePattern: '/api/*', extraLeftOut: ['token'] });
    expect(await readWatched()).toEqual([
      { id: added.id, pattern: A, savePattern: '/api/*', extraLeftOut: ['token'], managed: false },
    ]);
    await updateWatched(added.id, { pattern: B, savePattern: ' ', extraLeftOut: [] });
    expect(await readWatched()).toEqual([{ id: added.id, pattern: B, extraLeftOut: [], managed: false }]);
    expect(removed).toEqual([['https://a.example.com/*']]);
  });

  it('never edits or removes a managed dashboard', async () => {
    await writeWatched([{ id: 'managed:a', pattern: A, extraLeftOut: [], managed: true }]);
    await expect(removeWatched('managed:a')).rejects.toThrow(/administrator/);
    await expect(
      updateWatched('managed:a', { pattern: B, savePattern: '', extraLeftOut: [] }),
    ).rejects.toThrow(/administrator/);
    expect(await readWatched()).toHaveLength(1);
  });

  it('changes nothing while the policy locks the list', async () => {
    const added = await addWatched(A);
    await writeSettings({ locked: ['watchedDashboards'] });
    await expect(addWatched(B)).rejects.toThrow(/administrator/);
    await expect(removeWatched(added.id)).rejects.toThrow(/administrator/);
    expect(await readWatched()).toHaveLength(1);
  });

  it('survives an origin the browser will not give back (a host the manifest requires)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'remove').mockRejectedValue(
      new Error('You cannot remove required permissions.'),
    );
    const added = await addWatched(A);
    await removeWatched(added.id);
    expect(await readWatched()).toEqual([]);
  });
});
