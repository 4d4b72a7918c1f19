// @vitest-environment happy-dom
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
import { findSectionFor } from '../../../lib/page/restore-agent/apply-snapshot';
import { describeAuthor } from '../../../lib/popup/describe-author';
import { settingsSchema } from '../../../lib/storage';
import { pullRemoteBackups } from '../../../lib/sync/pull-remote-backups';
import { mount } from '../capture/demo-dashboard';
import { capture } from '../support/capture-path';
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

/** A snapshot whose title and field label pose as "exe.png", and whose value holds a bidi control it must keep. */
function spoofedSnapshot() {
  const body = snapshot('bot-names', { name: `Ada${SPOOFED_LABEL}` });
  return {
    ...body,
    title: SPOOFED_LABEL,
    fields: body.fields.map((field) => ({ ...field, label: `\u2066${SPOOFED_LABEL}\u2069` })),
  };
}

/** What the history and a diff show of a backup: title, who made it, each field's label and its exact value. */
async function shown(target: Journal) {
  const [record] = await target.list('acme');
  if (!record) throw new Error('no backup');
  const body = await target.snapshotOf(record);
  return {
    title: record.title,
    author: describeAuthor(record),
    snapshotTitle: body?.title,
    fields: body?.fields.map(({ label, value }) => ({ label, value })),
  };
}

describe('section titles, field labels, devices and key labels keep no bidi controls; values keep them', () => {
  it('strips them from an imported backup, whose content hash still matches', async () => {
    const source = await freshJournal();
    const body = spoofedSnapshot();
    await source.record({
      id: 'b1',
      workspace: 'acme',
      snapshot: body,
      contentHash: await contentHash(body),
      source: 'manual',
      capturedAt: 1000,
      device: `My ${SPOOFED_LABEL}`,
    });
    const report = await importBundle(journal, await exportBundle(source, 'acme'));
    expect(report).toMatchObject({ added: 1, invalid: [] });
    expect(await shown(journal)).toEqual({
      title: 'gnp.exe',
      author: ['My gnp.exe'],
      snapshotTitle: 'gnp.exe',
      fields: [{ label: 'gnp.exe', value: `Ada${SPOOFED_LABEL}` }],
    });
  });

  it('strips them from a backup pulled from Convex, whose content hash still matches', async () => {
    const body = spoofedSnapshot();
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
      device: `other ${SPOOFED_LABEL}`,
      keyLabel: `Ops ${SPOOFED_LABEL}`,
      size: 100,
      pinned: false,
    };
    const list = async () => ({ page: [remote], isDone: true, continueCursor: '' });
    const added = await pullRemoteBackups({
      client: { query: list, action: list } as unknown as ConvexHttpClient,
      settings: settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' }),
      journal,
      workspace: 'acme',
    });
    expect(added).toBe(1);
    expect(await shown(journal)).toEqual({
      title: 'gnp.exe',
      author: ['other gnp.exe', 'key Ops gnp.exe'],
      snapshotTitle: 'gnp.exe',
      fields: [{ label: 'gnp.exe', value: `Ada${SPOOFED_LABEL}` }],
    });
  });

  it('strips them from what a capture reads on the page, heading and label, but not from the value', async () => {
    const { snapshot: captured } = await capture(
      {
        container: mount(
          `<form><h2>${SPOOFED_LABEL}</h2><label for="n">\u2067${SPOOFED_LABEL}</label>` +
            `<input id="n" name="name" value="Ada${SPOOFED_LABEL}"></form>`,
          'form',
        ),
        pageUrl: 'https://dash.example.com/acme/settings',
        trigger: { kind: 'manual' },
      },
      { salt: 'salt-1' },
    );
    expect(captured.title).toBe('gnp.exe');
    expect(captured.fields.map(({ key, label, value }) => ({ key, label, value }))).toEqual([
      { key: 'name', label: 'gnp.exe', value: `Ada${SPOOFED_LABEL}` },
    ]);
  });

  it('a restore still finds the section by the title it was captured with', async () => {
    const form = mount(
      `<form><h2>${SPOOFED_LABEL}</h2><input name="name" value="Ada"></form><form><h2>Other</h2></form>`,
      'form',
    );
    const { snapshot: captured } = await capture(
      {
        container: form,
        pageUrl: 'https://dash.example.com/acme/settings',
        trigger: { kind: 'fetch' },
        request: { method: 'PUT', url: '/api/acme/bot-names', bodyKind: 'form', body: { name: 'Ada' } },
      },
      { salt: 'salt-1' },
    );
    expect(captured).toMatchObject({ type: 'bot-names', title: 'gnp.exe' });
    expect(findSectionFor(document, captured)).toBe(form);
  });

  it('strips them from the title a save request names when no section was found', async () => {
    const { snapshot: captured } = await capture(
      {
        pageUrl: 'https://dash.example.com/acme/settings',
        trigger: { kind: 'fetch' },
        request: { method: 'PUT', url: '/api/settings', bodyKind: 'json', body: { name: 'Ada' } },
      },
      { salt: 'salt-1', typeHint: SPOOFED_LABEL },
    );
    expect(captured.title).toBe('gnp.exe');
  });
});
