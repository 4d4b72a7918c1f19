import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../lib/popup/describe-changes';
import { describeOutbox } from '../../../lib/popup/describe-outbox';
import { describeStatus } from '../../../lib/popup/describe-status';
import { formatSize } from '../../../lib/popup/format-size';
import { formatValue, secretText } from '../../../lib/popup/format-value';
import { importSummary } from '../../../lib/popup/use-bundle-transfer';
import { outcomeText } from '../../../lib/popup/outcome-text';
import { reportSummary } from '../../../lib/popup/report-summary';
import { tabIdFromSearch } from '../../../lib/popup/target-tab';
import type { ApplyReport, FieldReport } from '../../../lib/messaging/apply-report';

function report(outcomes: FieldReport['outcome'][], extra: Partial<ApplyReport> = {}): ApplyReport {
  return {
    type: 'bot-names',
    title: 'Bot names',
    savedVia: 'control',
    fields: outcomes.map((outcome, i) => ({ key: `f${i}`, label: `F${i}`, outcome, expected: 'x' })),
    ...extra,
  };
}

describe('popup text', () => {
  it.each([
    // Without Convex nothing is offline: the network may be fine, backups are kept here by choice.
    [undefined, false, 'Local only'],
    [{ state: 'offline' as const }, false, 'Local only'],
    [undefined, true, 'Synced'],
    [{ state: 'syncing' as const }, true, 'Syncing…'],
    [{ state: 'error' as const, error: 'Access key rejected', retryable: false }, true, 'Sync error'],
    [{ state: 'offline' as const, error: 'No network connection' }, true, 'Offline'],
  ])('status %j (configured %s) reads %s', (status, configured, label) => {
    const full = status
      ? { waiting: 0, quarantined: 0, retryable: true, updatedAt: 1, ...status }
      : undefined;
    expect(describeStatus(full, configured).label).toBe(label);
  });

  it('explains offline and errors, and counts waiting and quarantined backups', () => {
    expect(describeStatus(undefined, false).detail).toMatch(/on this device only/);
    const error = describeStatus(
      {
        state: 'error',
        error: "Can't reach Convex",
        retryable: true,
        waiting: 2,
        quarantined: 1,
        updatedAt: 1,
      },
      true,
    );
    expect(error).toMatchObject({ detail: "Can't reach Convex", waiting: 3, retryable: true });
  });

  it('counts no backup as waiting without Convex: nothing waits for anything, as each entry says', () => {
    const offline = { state: 'offline' as const, waiting: 6, quarantined: 0, retryable: true, updatedAt: 1 };
    expect(describeStatus(offline, false).waiting).toBe(0);
    expect(describeStatus(undefined, false).waiting).toBe(0);
    expect(describeOutbox({ outbox: 'pending' }, describeStatus(offline, false))).toBeNull();
  });

  it('with Convex set up but no network, says backups wait and counts them, each entry "Waiting to sync"', () => {
    const offline = {
      state: 'offline' as const,
      error: 'No network connection',
      waiting: 2,
      quarantined: 0,
      retryable: true,
      updatedAt: 1,
    };
    const view = describeStatus(offline, true);
    expect(view).toMatchObject({ label: 'Offline', waiting: 2, local: false });
    expect(view.detail).toBe('No network connection: backups wait on this device and sync when it is back');
    expect(describeOutbox({ outbox: 'pending' }, view)).toEqual({ text: 'Waiting to sync', tone: 'warning' });
    // Without Convex the engine writes "offline" with no reason: kept here by choice, nothing counted as waiting.
    const { error: _reason, ...local } = offline;
    expect(describeStatus(local, false)).toMatchObject({ local: true, waiting: 0 });
  });

  it.each([
    [['applied', 'applied', 'applied'], {}, '3 of 3 fields restored'],
    [['applied', 'skipped', 'rejected'], {}, '1 of 2 fields restored'],
    [['applied'], {}, '1 of 1 field restored'],
    [['skipped'], {}, 'No fields were restored'],
    [
      ['rejected'],
      { saveError: 'The dashboard did not accept the save' },
      'Save was rejected by the dashboard',
    ],
    [
      ['unconfirmed', 'skipped'],
      { savedVia: 'request' as const, saveError: 'no answer' },
      'Could not confirm the save (no answer): check the dashboard to see whether it was applied',
    ],
    [
      ['rejected'],
      { savedVia: 'request' as const, saveError: 'HTTP 422: Unknown field(s): apiKeySet' },
      'Save was rejected by the dashboard (HTTP 422: Unknown field(s): apiKeySet)',
    ],
    [
      ['not-found'],
      { savedVia: 'none' as const, saveError: 'No way to save this section was found on the page' },
      'Nothing was saved: no way to save this section was found on the page',
    ],
  ] as const)('report %j %j reads %s', (outcomes, extra, summary) => {
    expect(reportSummary(report([...outcomes], extra))).toBe(summary);
  });

  it('after Undo restore, says what the undo put back, or that it failed, not "restored"', () => {
    expect(reportSummary(report(['applied', 'applied']), true)).toBe(
      'Undone: 2 of 2 fields put back as before the restore',
    );
    expect(outcomeText('applied', true)).toBe('put back');
    expect(outcomeText('changed-by-dashboard', true)).toBe('changed by dashboard');
    expect(
      reportSummary(
        report(['rejected'], { savedVia: 'request' as const, saveError: 'HTTP 500: Internal error' }),
        true,
      ),
    ).toBe('Undo failed: save was rejected by the dashboard (HTTP 500: Internal error)');
  });

  it('names every outcome as the report shows it', () => {
    expect(
      (
        [
          'applied',
          'unchanged',
          'rejected',
          'unconfirmed',
          'changed-by-dashboard',
          'not-found',
          'skipped',
        ] as const
      ).map((outcome) => outcomeText(outcome)),
    ).toEqual([
      'applied',
      'unchanged',
      'rejected',
      'not confirmed',
      'changed by dashboard',
      'not found on page',
      'skipped',
    ]);
  });

  it('formats sizes, changes, values, secrets and outbox hints', () => {
    expect([formatSize(512), formatSize(1229), formatSize(3.4 * 1024 * 1024)]).toEqual([
      '512 B',
      '1.2 KB',
      '3.4 MB',
    ]);
    expect([describeChanges(null), describeChanges(0), describeChanges(1), describeChanges(3)]).toEqual([
      'first backup',
      'no changes',
      '1 field changed',
      '3 fields changed',
    ]);
    expect([formatValue(true), formatValue(['a', 'b']), formatValue(''), formatValue(undefined)]).toEqual([
      'on',
      'a, b',
      '(empty)',
      '(not present)',
    ]);
    expect([secretText({ secret: 'changed' }), secretText({})]).toEqual(['left out (changed)', null]);
    const synced = { state: 'synced' as const, local: false };
    expect(describeOutbox({ outbox: 'pending' }, synced)?.text).toBe('Waiting to sync');
    expect(describeOutbox({ outbox: 'pending' }, { state: 'offline', local: true })).toBeNull();
    expect(describeOutbox({ outbox: 'quarantined', lastError: 'Too large' }, synced)?.text).toBe(
      'Not synced: Too large',
    );
    expect(describeOutbox({ outbox: 'synced' }, synced)).toBeNull();
  });

  it("names a waiting backup's error only when the status header does not already say it", () => {
    const error = 'Access key "Local admin" does not cover workspace "globex"; it covers "acme"';
    const header = { state: 'error' as const, detail: error, local: false };
    expect(describeOutbox({ outbox: 'pending', lastError: error }, header)?.text).toBe('Waiting to sync');
    expect(describeOutbox({ outbox: 'pending', lastError: 'Too many requests' }, header)?.text).toBe(
      'Waiting to sync (Too many requests)',
    );
    expect(
      describeOutbox({ outbox: 'pending', lastError: error }, { state: 'syncing', local: false })?.text,
    ).toBe('Waiting to sync');
    expect(
      describeOutbox({ outbox: 'pending', lastError: error }, { state: 'synced', local: false })?.text,
    ).toBe(`Waiting to sync (${error})`);
    // A refused backup's reason is its own: it is always named.
    expect(describeOutbox({ outbox: 'quarantined', lastError: error }, header)?.text).toBe(
      `Not synced: ${error}`,
    );
  });

  it.each([
    ['?tabId=42', 42],
    ['?tabId=abc', null],
    ['', null],
    ['?other=1&tabId=7', 7],
  ])('reads the target tab from %s', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });

  it.each([
    [{ added: 2, identical: 1, conflicting: 0 }, '2 added, 1 identical, 0 invalid'],
    [
      { added: 0, identical: 0, conflicting: 1 },
      '0 added, 0 identical, 0 invalid, 1 conflicting: kept the backup already here',
    ],
    [
      { added: 1, identical: 0, conflicting: 3 },
      '1 added, 0 identical, 0 invalid, 3 conflicting: kept the backups already here',
    ],
  ])('sums up the import %j as "%s"', (counts, text) => {
    expect(importSummary({ ...counts, invalid: [] })).toBe(text);
  });
});
