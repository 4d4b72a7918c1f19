// @vitest-environment happy-dom
// A backup this browser did not make (pulled from Convex, written by any capture key of the workspace; or imported)
// is data: it must not choose the button a restore presses, nor the input a value goes into. Attacks from the
// security review (helper's tests/unit/security/restore-presses-backup-chosen-control.test.ts), applied to what the
// restore service now sends the page for such a backup.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { applySnapshot } from '../../../lib/page/restore-agent/apply-snapshot';
import { asThePageHasIt } from '../../../lib/restore/as-the-page-has-it';
import { mount } from '../capture/demo-dashboard';

const SECTION = `<section id="bot-names"><h2>Bot names</h2>
  <label>Primary bot name <input name="primaryName" value="Ada"></label>
  <input type="hidden" name="ownerEmail" value="ops@corp.example">
  <div role="group" class="actions">
    <button type="button" id="save-bot-names">Save</button>
    <button type="button" id="delete-bot">Delete bot</button>
  </div></section>`;

/** The section as this browser reads it on the page now (the restore service's `currentSection`). */
const current: Snapshot = {
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: 'https://dash.example.com/acme/settings',
  fields: [
    {
      key: 'primaryName',
      label: 'Primary bot name',
      value: 'Ada',
      locator: { name: 'primaryName', label: 'Primary bot name', inputType: 'text' },
    },
  ],
  trigger: { kind: 'manual' },
  leftOut: [],
};

/** A pulled backup whose save names "Delete bot", and whose "Primary bot name" points at the hidden owner field. */
const crafted: Snapshot = {
  ...current,
  fields: [
    {
      key: 'primaryName',
      label: 'Primary bot name',
      value: 'attacker@evil.example',
      locator: { name: 'ownerEmail', inputType: 'text' },
    },
  ],
  trigger: { kind: 'fetch', submitter: { inputType: 'button', id: 'delete-bot', label: 'Delete bot' } },
};

let pressed: string[];
beforeEach(() => {
  vi.useFakeTimers();
  const root = mount(SECTION, 'section');
  pressed = [];
  root.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => pressed.push(b.id)));
});
afterEach(() => vi.useRealTimers());

const value = (name: string) => document.querySelector<HTMLInputElement>(`[name=${name}]`)?.value;

describe("a backup not made here is restored where the page has its fields, by the section's own save", () => {
  it('presses the save control, not the button the backup names, and fills the field the preview showed', () => {
    const report = applySnapshot(document, asThePageHasIt(crafted, current));
    vi.runAllTimers();
    expect(report.savedVia).toBe('control');
    expect(pressed).toEqual(['save-bot-names']);
    expect(value('ownerEmail')).toBe('ops@corp.example');
    expect(value('primaryName')).toBe('attacker@evil.example');
    expect(report.fields).toMatchObject([
      { key: 'primaryName', label: 'Primary bot name', outcome: 'applied' },
    ]);
  });

  it('as the backup says, it pressed "Delete bot" and filled the hidden owner field (the attack)', () => {
    applySnapshot(document, crafted);
    vi.runAllTimers();
    expect(pressed).toEqual(['delete-bot']);
    expect(value('ownerEmail')).toBe('attacker@evil.example');
  });

  it('finds no field the page does not show now, nor any without the section on the page', () => {
    const extra: Snapshot = {
      ...crafted,
      fields: [
        {
          key: 'ownerEmail',
          label: 'Owner',
          value: 'x@evil.example',
          locator: { name: 'ownerEmail', inputType: 'text' },
        },
      ],
    };
    expect(applySnapshot(document, asThePageHasIt(extra, current)).fields).toMatchObject([
      { key: 'ownerEmail', outcome: 'not-found' },
    ]);
    expect(applySnapshot(document, asThePageHasIt(crafted, null)).fields).toMatchObject([
      { key: 'primaryName', outcome: 'not-found' },
    ]);
    vi.runAllTimers();
    expect(pressed).toEqual([]);
    expect(value('ownerEmail')).toBe('ops@corp.example');
  });
});
