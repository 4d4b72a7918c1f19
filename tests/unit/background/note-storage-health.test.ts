import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { noteStorageHealth } from '../../../lib/background/note-storage-health';
import { describeStorage } from '../../../lib/popup/describe-storage';
import { readStorageHealth } from '../../../lib/storage';
import { DAY, HOUR } from '../../../lib/time';

beforeEach(() => fakeBrowser.reset());

describe('storage health', () => {
  it('goes full while backups are held, then short (pruned ones remembered) once they are in', async () => {
    await noteStorageHealth({ held: 0, pruned: 4 }, 1000);
    await noteStorageHealth({ held: 2 }, 2000);
    expect(await readStorageHealth()).toEqual({ state: 'full', held: 2, pruned: 4, at: 2000 });
    const view = describeStorage(await readStorageHealth(), 3000);
    expect(view).toMatchObject({ tone: 'error', title: 'Storage is full on this device', canRetry: true });
    expect(view?.detail).toContain('2 backups could not be added to the history here');
    expect(view?.detail).toContain('4 backups already in Convex were removed from this device');
    expect(view?.detail).toContain('keeps them aside and sends them to Convex');
    expect(describeStorage(await readStorageHealth(), 3000, false)?.detail).toContain(
      'keeps them aside. Free',
    );
    await noteStorageHealth({ held: 0 }, 4000);
    expect(await readStorageHealth()).toMatchObject({ state: 'short', held: 0, pruned: 4 });
  });

  it('is ok with nothing held and nothing pruned, and a short spell stops showing after a day', async () => {
    await noteStorageHealth({ held: 0 }, 1000);
    expect(describeStorage(await readStorageHealth(), 2000)).toBeNull();
    await noteStorageHealth({ held: 0, pruned: 1 }, 1000);
    expect(describeStorage(await readStorageHealth(), 1000 + HOUR)?.detail).toBe(
      '1 backup already safe in Convex was removed from this device to make room.',
    );
    expect(describeStorage(await readStorageHealth(), 1000 + 2 * DAY)).toBeNull();
    await noteStorageHealth({ held: 0 }, 1000 + 2 * DAY);
    expect((await readStorageHealth()).state).toBe('ok');
  });
});
