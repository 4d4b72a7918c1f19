import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { createFormPostTracker } from '../../../lib/background/form-post-tracker';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`restore-outcome-${Math.random()}`));
});

function service() {
  return createCaptureService({
    journal,
    readSettings: async () => settingsSchema.parse({}),
    readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
    afterRecord: async () => undefined,
    freeSpace: async () => 0,
    hold: createBackupHold(),
    noteStorage: async () => undefined,
  });
}

const BEFORE = { snapshot: snapshot('config', { title: 'Ops runbook' }), label: 'Before restore of Config' };

describe('a restore through the page, told how its save ended', () => {
  it('hears at once that the form post was answered 500, and no "Before restore" entry is recorded', async () => {
    const capture = service();
    const forms = createFormPostTracker<{ snapshot: ReturnType<typeof snapshot>; workspace: string }>(
      ({ snapshot: s, workspace }, tabId) => void capture.record(s, workspace, 'auto', { tabId }),
      Date.now,
      undefined,
      ({ snapshot: s, workspace }, tabId, status) => capture.refused(tabId, workspace, s.type, status),
    );
    capture.markRestoring(7, 'wiki', 'config', true, BEFORE);
    const waiting = capture.waitForCapture(7, 'wiki', 'config', 60_000);
    const restored = snapshot('config', { title: 'Team handbook' });
    forms.submitted(7, 'http://wiki/doku.php', { snapshot: restored, workspace: 'wiki' }, async () => true);
    forms.answered(7, 'http://wiki/doku.php', 500);
    expect(await waiting).toEqual({ refused: 500 });
    capture.markRestoring(7, 'wiki', 'config', false);
    expect(await journal.count()).toBe(0);
  });

  it('hears whether the form post was answered by a redirect, so it checks the page that follows only then', async () => {
    for (const [status, redirected] of [
      [303, true],
      [200, false],
    ] as const) {
      const capture = service();
      const forms = createFormPostTracker<{ snapshot: ReturnType<typeof snapshot>; workspace: string }>(
        ({ snapshot: s, workspace }, tabId, answeredByRedirect) =>
          void capture.record(s, workspace, 'auto', { tabId, redirected: answeredByRedirect }),
      );
      capture.markRestoring(7, 'wiki', 'config', true);
      const waiting = capture.waitForCapture(7, 'wiki', 'config', 60_000);
      const restored = snapshot('config', { title: 'Team handbook' });
      forms.posted('r1', 7, 'http://wiki/doku.php', { formData: { title: ['Team handbook'] } });
      forms.submitted(7, 'http://wiki/doku.php', { snapshot: restored, workspace: 'wiki' }, async () => true);
      forms.answered(7, 'http://wiki/doku.php', status, 'r1');
      expect(Boolean(((await waiting) as { redirected?: boolean }).redirected)).toBe(redirected);
      capture.markRestoring(7, 'wiki', 'config', false);
    }
  });

  it('records the "Before restore" entry just before the accepted save, and names it to the waiting restore', async () => {
    const capture = service();
    capture.markRestoring(7, 'wiki', 'config', true, BEFORE);
    const waiting = capture.waitForCapture(7, 'wiki', 'config', 60_000);
    await capture.record(snapshot('config', { title: 'Team handbook' }), 'wiki', 'auto', { tabId: 7 });
    const saved = await waiting;
    const [restore, before] = await journal.list('wiki');
    expect(restore?.source).toBe('restore');
    expect(before?.label).toBe('Before restore of Config');
    expect(saved).toMatchObject({ id: restore?.id, beforeId: before?.id });
    // Handed out once: a second save of the restore adds no second "before".
    expect(capture.takeBefore(7, 'wiki', 'config')).toBeUndefined();
  });

  it("hears at once that the section's save request was answered 422; another request's error is not its", async () => {
    const capture = service();
    const save = { method: 'PUT', url: 'https://dash.example.com/api/acme/bot-names' };
    capture.markRestoring(7, 'acme', 'bot-names', true, undefined, save);
    capture.markRestoring(7, 'acme', 'bot-names', true, BEFORE);
    const waiting = capture.waitForCapture(7, 'acme', 'bot-names', 60_000);
    capture.requestSent(7, 'POST', 'https://dash.example.com/api/telemetry', '1');
    capture.requestRefused(7, '1', 500);
    capture.requestSent(8, 'PUT', 'https://dash.example.com/api/acme/bot-names', '2');
    capture.requestRefused(8, '2', 500);
    capture.requestSent(7, 'put', 'https://dash.example.com/api/acme/bot-names?v=2', '3');
    capture.requestRefused(7, '3', 422);
    expect(await waiting).toEqual({ refused: 422 });
    capture.markRestoring(7, 'acme', 'bot-names', false);
    expect(await journal.count()).toBe(0);
  });
});

// A script on the dashboard page can send its own request with the save's method and address, one the server
// refuses (a malformed body: 422), while the restore runs: the restore's own save may still go through. That
// refusal must not end the restore as refused and drop the "Before restore" entry: the user would lose the way back.
describe("a restore through the page, beside a refused request that is not its save's", () => {
  const save = { method: 'PUT', url: 'https://dash.example.com/api/acme/bot-names' };

  function restoring() {
    const capture = service();
    capture.markRestoring(7, 'acme', 'bot-names', true, undefined, save);
    capture.markRestoring(7, 'acme', 'bot-names', true, BEFORE);
    return capture;
  }

  it('waits for the save the restore sent: its capture comes with the "Before restore" entry', async () => {
    const capture = restoring();
    const waiting = capture.waitForCapture(7, 'acme', 'bot-names', 60_000);
    // The page's request goes out first (its click listener runs before the dashboard's), and is refused first.
    capture.requestSent(7, 'PUT', save.url, '41');
    capture.requestSent(7, 'PUT', save.url, '42');
    capture.requestRefused(7, '41', 422);
    await capture.record(snapshot('bot-names', { title: 'Ada' }), 'acme', 'auto', { tabId: 7 });
    const [restore, before] = await journal.list('acme');
    expect(await waiting).toMatchObject({ id: restore?.id, beforeId: before?.id });
    expect(before?.label).toBe('Before restore of Config');
  });

  it('does not end the restore on a refusal that came before its save went out: the page can flood the address', async () => {
    const capture = restoring();
    const waiting = capture.waitForCapture(7, 'acme', 'bot-names', 60_000);
    // While the form is filled, the page sends a request the server refuses at once; the save goes out just after.
    capture.requestSent(7, 'PUT', save.url, '41');
    capture.requestRefused(7, '41', 422);
    capture.requestSent(7, 'PUT', save.url, '42');
    await capture.record(snapshot('bot-names', { title: 'Ada' }), 'acme', 'auto', { tabId: 7 });
    const [restore, before] = await journal.list('acme');
    expect(await waiting).toMatchObject({ id: restore?.id, beforeId: before?.id });
  });

  it('does not hear the refusal of a request sent before the restore began', async () => {
    const capture = service();
    capture.requestSent(7, 'PUT', save.url, '40');
    capture.markRestoring(7, 'acme', 'bot-names', true, undefined, save);
    capture.markRestoring(7, 'acme', 'bot-names', true, BEFORE);
    const waiting = capture.waitForCapture(7, 'acme', 'bot-names', 50);
    capture.requestRefused(7, '40', 422);
    // No word of the save: the outcome is unknown, and the way back is still there.
    expect(await waiting).toBeNull();
    expect(capture.takeBefore(7, 'acme', 'bot-names')).toEqual(BEFORE);
  });

  it('hears the refusal within REFUSAL_GRACE when every request to the save’s address was refused', async () => {
    const capture = restoring();
    const waiting = capture.waitForCapture(7, 'acme', 'bot-names', 60_000);
    capture.requestSent(7, 'PUT', save.url, '41');
    capture.requestSent(7, 'PUT', save.url, '42');
    capture.requestRefused(7, '41', 422);
    capture.requestRefused(7, '42', 500);
    expect(await waiting).toEqual({ refused: 500 });
  });

  it("tells whether a request to the save's address left the tab since the restore began; unknown without one", async () => {
    const capture = service();
    const save = { method: 'PUT', url: 'https://dash.example.com/api/acme/bot-names' };
    capture.markRestoring(7, 'acme', 'bot-names', true, undefined, save);
    capture.requestSent(7, 'POST', 'https://dash.example.com/api/telemetry', '1');
    expect(capture.saveSent(7, 'acme', 'bot-names')).toBe(false);
    capture.requestSent(7, 'PUT', 'https://dash.example.com/api/acme/bot-names', '2');
    expect(capture.saveSent(7, 'acme', 'bot-names')).toBe(true);
    capture.markRestoring(7, 'wiki', 'config', true, BEFORE);
    expect(capture.saveSent(7, 'wiki', 'config')).toBeUndefined();
  });
});
