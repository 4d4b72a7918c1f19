import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`before-reuse-${Math.random()}`));
});

function service(now?: () => number) {
  return createCaptureService({
    ...(now ? { now } : {}),
    journal,
    readSettings: async () => settingsSchema.parse({}),
    readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
    afterRecord: async () => undefined,
    freeSpace: async () => 0,
    hold: createBackupHold(),
    noteStorage: async () => undefined,
  });
}

/** A save's capture: its fields, and the request that carried them (which a read of the page has not). */
function saved(title: string) {
  const body = { title };
  const request = { method: 'PUT' as const, url: 'http://wiki/api/config', bodyKind: 'json' as const, body };
  return { ...snapshot('config', body), request };
}

/** Two saves of the section here, the newest "Ops runbook"; then a restore of the older one. */
async function restoreOfOlder(before: string, now?: () => number) {
  const capture = service(now);
  await capture.record(saved('Team handbook'), 'wiki', 'auto', { tabId: 7 });
  const newest = await capture.record(saved('Ops runbook'), 'wiki', 'auto', { tabId: 7 });
  const label = 'Before restore of Config';
  // What the page held, as a restore reads it: its fields, no request.
  capture.markRestoring(7, 'wiki', 'config', true, {
    snapshot: snapshot('config', { title: before }),
    label,
  });
  const waiting = capture.waitForCapture(7, 'wiki', 'config', 60_000);
  await capture.record(saved('Team handbook'), 'wiki', 'auto', { tabId: 7 });
  const outcome = await waiting;
  return {
    newest: newest.record.id,
    beforeId: outcome && 'beforeId' in outcome ? outcome.beforeId : undefined,
    // The worker has one capture service: a save after the restore is captured at least a millisecond after it.
    capture,
  };
}

describe('the "Before restore" entry of a restore', () => {
  it('is not written again when the section held what its newest backup here holds: Undo puts that one back', async () => {
    const { newest, beforeId } = await restoreOfOlder('Ops runbook');
    expect(beforeId).toBe(newest);
    expect((await journal.list('wiki')).map((r) => r.label ?? r.source)).toEqual(['restore', 'auto', 'auto']);
  });

  it('is written when the section held something else', async () => {
    const { newest, beforeId } = await restoreOfOlder('Changed elsewhere');
    expect(beforeId).not.toBe(newest);
    expect((await journal.list('wiki')).map((r) => r.label ?? r.source)).toEqual([
      'restore',
      'Before restore of Config',
      'auto',
      'auto',
    ]);
  });
});

describe('entries recorded within one millisecond (a coarse clock, a fast machine)', () => {
  it('are listed in the order they were recorded: the restore above its "Before restore" entry, above the saves', async () => {
    await restoreOfOlder('Changed elsewhere', () => 1_000);
    const listed = await journal.list('wiki');
    expect(listed.map((r) => r.label ?? r.source)).toEqual([
      'restore',
      'Before restore of Config',
      'auto',
      'auto',
    ]);
    // Each a millisecond after the one before: the history says when, and the clock never ran back.
    expect(listed.map((r) => r.capturedAt)).toEqual([1_003, 1_002, 1_001, 1_000]);
  });
});

describe('a save after a restore that puts back what the restore changed (a page still showing the older settings)', () => {
  it('is labelled in the history as reverting the restore, with how many of its settings', async () => {
    const { capture } = await restoreOfOlder('Ops runbook');
    // The editor still held "Ops runbook" in memory, and saves it back.
    await capture.record(saved('Ops runbook'), 'wiki', 'auto', { tabId: 8 });
    const [newest] = await journal.list('wiki');
    expect(newest?.label).toBe('Reverts the restore: 1 of 1 setting');
  });

  it('a save that changes something else, or comes after another save, is not', async () => {
    const { capture } = await restoreOfOlder('Ops runbook');
    await capture.record(saved('A new title'), 'wiki', 'auto', { tabId: 8 });
    await capture.record(saved('Ops runbook'), 'wiki', 'auto', { tabId: 8 });
    expect((await journal.list('wiki')).map((r) => r.label ?? r.source)).toEqual([
      'auto',
      'auto',
      'restore',
      'auto',
      'auto',
    ]);
  });
});
