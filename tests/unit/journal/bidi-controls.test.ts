import 'fake-indexeddb/auto';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { contentHash } from '../../../lib/capture/canonical-json';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { exportBundle } from '../../../lib/journal/export-bundle';
import { importBundle } from '../../../lib/journal/import-bundle';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { pullRemoteBackups } from '../../../lib/sync/pull-remote-backups';
import { snapshot } from '../support/snapshot-fixture';

/** "gnp.exe" behind a right-to-left override, shown as "exe.png", and every other bidi control besides. */
const SPOOFED_LABEL = '\u202Egnp.exe';
const NOTE_WITH_CONTROLS =
  '\u200Eone\u200F \u202Atwo\u202B \u202Cthree\u202D\n\u2066four\u2067 \u2068five\u2069 \u061Csix';

async function freshJournal(): Promise<Journal> {
  return createJournal(await openJournal(`bidi-${Math.random()}`));
}

let journal: Journal;

beforeEach(async () => {
  fakeBrowser.reset();
  journal = await freshJournal();
});

async function labelsIn(target: Journal) {
  return (await target.list('acme')).map(({ label, note }) => ({ label, note }));
}

describe('labels and notes keep no bidi controls, wherever they come from', () => {
  it('strips them from an imported backup, and leaves out a label made of nothing else', async () => {
    const source = await freshJournal();
    for (const [i, label] of [SPOOFED_LABEL, '\u202E\u2066'].entries()) {
      const body = snapshot('bot-names', { name: `n${i}` });
      await source.record({
        id: `b${i}`,
        workspace: 'acme',
        snapshot: body,
        contentHash: await contentHash(body),
        source: 'manual',
        capturedAt: 1000 + i,
        device: 'Chromium on Linux',
        label,
        note: NOTE_WITH_CONTROLS,
      });
    }
    const report = await importBundle(journal, await exportBundle(source, 'acme'));
    expect(report).toMatchObject({ added: 2, invalid: [] });
    expect(await labelsIn(journal)).toEqual([
      { label: undefined, note: 'one two three\nfour five six' },
      { label: 'gnp.exe', note: 'one two three\nfour five six' },
    ]);
  });

  it('strips them from a backup pulled from Convex', async () => {
    const body = snapshot('bot-names', { name: 'Ada' });
    const remote = {
      id: 'server-1',
      clientBackupId: 'r1',
      workspace: 'acme',
      type: 'bot-names',
      data: JSON.stringify(body),
      contentHash: await contentHash(body),
      source: 'manual' as const,
      capturedAt: 100,
      createdAt: 100,
      device: 'other device',
      size: 100,
      pinned: false,
      label: SPOOFED_LABEL,
      note: NOTE_WITH_CONTROLS,
    };
    const list = async () => ({ page: [remote], isDone: true, continueCursor: '' });
    await pullRemoteBackups({
      client: { query: list, action: list } as unknown as ConvexHttpClient,
      settings: settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' }),
      journal,
      workspace: 'acme',
    });
    expect(await labelsIn(journal)).toEqual([{ label: 'gnp.exe', note: 'one two three\nfour five six' }]);
  });

  it('strips them from the label and note of Capture now', async () => {
    const capture = createCaptureService({
      journal,
      readSettings: async () => settingsSchema.parse({}),
      readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
      afterRecord: async () => undefined,
      freeSpace: async () => 0,
      hold: createBackupHold(),
      noteStorage: async () => undefined,
    });
    await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'manual', {
      label: SPOOFED_LABEL,
      note: NOTE_WITH_CONTROLS,
    });
    expect(await labelsIn(journal)).toEqual([{ label: 'gnp.exe', note: 'one two three\nfour five six' }]);
  });
});
