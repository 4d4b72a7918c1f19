import 'fake-indexeddb/auto';
import type { ConvexHttpClient } from 'convex/browser';
import { ConvexError } from 'convex/values';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { pullRemoteBackups } from '../../../lib/sync/pull-remote-backups';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;
const settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`pull-large-${Math.random()}`));
});

/** Backups `names` as Convex lists them, newest first, one second apart. */
async function listed(names: string[]) {
  return Promise.all(
    names.map(async (name, index) => {
      const body = snapshot('bot-names', { name });
      return {
        id: `server-${name}`,
        clientBackupId: name,
        workspace: 'acme',
        type: 'bot-names',
        data: JSON.stringify(body),
        contentHash: await contentHash(body),
        source: 'auto' as const,
        capturedAt: 10_000 - index * 1000,
        createdAt: 10_000 - index * 1000,
        device: 'other device',
        size: name.startsWith('large') ? 8 * 1024 * 1024 : 100,
        pinned: false,
      };
    }),
  );
}

/**
 * A Convex whose pages are cut by `numItems` from `cursor` (an index), and whose function fails as Convex's limits
 * make it fail when a page holds more than `largest` bytes of backups (a real deployment reads at most 16 MiB per
 * function, and says only "Server Error" in production).
 */
function convexOf(all: Awaited<ReturnType<typeof listed>>, largest: number, failure: () => Error) {
  const asked: number[] = [];
  const list = async (_: unknown, args: { paginationOpts: { numItems: number; cursor: string | null } }) => {
    const from = Number(args.paginationOpts.cursor ?? 0);
    const page = all.slice(from, from + args.paginationOpts.numItems);
    asked.push(args.paginationOpts.numItems);
    if (page.reduce((bytes, backup) => bytes + backup.size, 0) > largest) throw failure();
    const next = from + page.length;
    return { page, isDone: next >= all.length, continueCursor: String(next) };
  };
  return { client: { query: list, action: list } as unknown as ConvexHttpClient, asked };
}

describe('pulling a workspace that holds backups too large to list fifty at a time', () => {
  it('asks for smaller pages until they fit, and pulls every backup', async () => {
    const all = await listed(['a', 'large-1', 'large-2', 'b', 'large-3', 'c']);
    const { client, asked } = convexOf(
      all,
      16 * 1024 * 1024,
      () => new Error('[Request ID: 1] Server Error'),
    );
    const added = await pullRemoteBackups({ client, settings, journal, workspace: 'acme' });
    expect(added).toBe(6);
    expect((await journal.list('acme')).map((record) => record.id).sort()).toEqual(
      ['a', 'b', 'c', 'large-1', 'large-2', 'large-3'].sort(),
    );
    expect(asked[0]).toBe(50);
  });

  it('does not ask again on a refusal of the key: smaller pages would not change it', async () => {
    const all = await listed(['a']);
    const { client, asked } = convexOf(
      all,
      -1,
      () => new ConvexError({ code: 'UNAUTHENTICATED', message: 'no' }),
    );
    await expect(pullRemoteBackups({ client, settings, journal, workspace: 'acme' })).rejects.toThrow();
    expect(asked).toEqual([50]);
  });

  it.each([
    ['a timeout', () => Object.assign(new Error('signal timed out'), { name: 'TimeoutError' })],
    ['a lost network', () => new TypeError('Failed to fetch')],
  ])('does not ask again after %s: the next pull tries the whole page again', async (_, failure) => {
    const { client, asked } = convexOf(await listed(['a']), -1, failure);
    await expect(pullRemoteBackups({ client, settings, journal, workspace: 'acme' })).rejects.toThrow();
    expect(asked).toEqual([50]);
  });
});

describe('SECURITY: large backups do not make a pull skip the backups behind them', () => {
  // A capture key writes a dozen backups too large to list two at a time: each page shrinks to one backup. Counted
  // in pages, the pull read ten of them, moved its mark past the teammate's backup behind them, and every later
  // pull stopped at that mark: the teammate's backup was never pulled.
  it("pulls a teammate's backup from behind twelve large ones, as many backups as a pull of full pages reads", async () => {
    const large = Array.from({ length: 12 }, (_, index) => `large-${index}`);
    // One second apart from 100 s down (`listed` starts at 10 s, and a time before 1970 is no time).
    const all = (await listed([...large, 'teammate'])).map((backup, index) => ({
      ...backup,
      capturedAt: 100_000 - index * 1000,
      createdAt: 100_000 - index * 1000,
    }));
    const { client } = convexOf(all, 12 * 1024 * 1024, () => new Error('[Request ID: 1] Server Error'));
    await pullRemoteBackups({ client, settings, journal, workspace: 'acme' });
    await pullRemoteBackups({ client, settings, journal, workspace: 'acme' });
    expect(await journal.get('teammate')).toBeDefined();
  });
});
