import { convexTest } from 'convex-test';
import { api, internal } from '../../convex/_generated/api';
import schema from '../../convex/schema';
import { contentHash } from '../../lib/capture/canonical-json';
import type { Snapshot } from '../../lib/capture/snapshot';

const modules = import.meta.glob('../../convex/**/*.*s');

const NOW = 1_700_000_000_000;

function botNames(name: string): Snapshot {
  return {
    type: 'bot-names',
    title: 'Bot names',
    pageUrl: 'https://app.example.com/acme/settings',
    fields: [{ key: 'name', label: 'Name', value: name, locator: { name: 'name', inputType: 'text' } }],
    trigger: { kind: 'fetch' },
    leftOut: [],
  };
}

/**
 * Documents Convex reads for retention after one backup of section `bot-names`, which holds `count` backups of the
 * same key (within the default retention), with the real functions over convex-test: 0 when the backup schedules
 * no retention call. `counted`: retention has judged the section once since (as after its first backup); else the
 * section was stored before Savepoint counted sections. Shared by the Convex test and `npm run bench`.
 */
export async function documentsReadForRetention(count: number, counted: boolean): Promise<number> {
  const t = convexTest(schema, modules);
  const capture = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'capture',
    label: 'Reads',
  });
  const data = JSON.stringify(botNames('Robo'));
  const hash = await contentHash(botNames('Robo'));
  for (let start = 0; start < count; start += 500) {
    await t.run(async (ctx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        await ctx.db.insert('settingsBackups', {
          workspace: 'acme',
          type: 'bot-names',
          clientBackupId: `s${i}`,
          data,
          contentHash: hash,
          source: 'auto',
          capturedAt: NOW - count + i,
          createdAt: NOW - count + i,
          chunkCount: 0,
          size: data.length,
          keyLabel: 'Reads',
          keyId: capture.keyId,
          pinned: false,
        });
      }
    });
  }
  const section = { workspace: 'acme', type: 'bot-names' };
  if (counted) await t.mutation(internal.settingsBackups.pruneSection, section);
  const snapshot = botNames('Robo 2');
  await t.action(api.writes.createBackup, {
    accessKey: capture.key,
    workspace: 'acme',
    type: 'bot-names',
    clientBackupId: 'new',
    data: JSON.stringify(snapshot),
    contentHash: await contentHash(snapshot),
    source: 'auto',
    capturedAt: NOW,
  });
  const scheduled = await t.run(async (ctx) => await ctx.db.system.query('_scheduled_functions').collect());
  if (!scheduled.some((job) => job.name.includes('pruneSection') && job.state.kind === 'pending')) return 0;
  return await t.mutation(async (ctx) => {
    await ctx.runMutation(internal.settingsBackups.pruneSection, section);
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}
