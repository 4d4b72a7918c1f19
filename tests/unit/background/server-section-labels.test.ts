import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { serverSection } from '../../../lib/background/restore-by-request';

/** A Node-RED-like backup: a nested JSON save, its fields named by the tray's labels when it was captured. */
const backup: Snapshot = {
  type: 'user-settings',
  title: 'User settings',
  pageUrl: 'http://127.0.0.1:1880/',
  fields: [],
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:1880/settings/user',
    bodyKind: 'json',
    body: { view: { 'view-grid-size': 40, 'view-node-show-label': true } },
  },
  trigger: { kind: 'xhr' },
  leftOut: [],
};

describe('the history entries a restore by request makes from a read of the dashboard', () => {
  it('name each field as the backup restored does, not by its JSON path', async () => {
    const read = { view: { 'view-grid-size': 60, 'view-node-show-label': false } };
    const derived = await serverSection(
      read,
      { tabUrl: backup.pageUrl, dashboard: {} as never, backup },
      'salt',
    );
    const named: Snapshot = {
      ...backup,
      fields: derived.fields.map((field, index) => ({
        ...field,
        label: ['Grid size', 'Show label of newly added nodes'][index] ?? field.label,
      })),
    };
    const section = await serverSection(
      read,
      { tabUrl: backup.pageUrl, dashboard: {} as never, backup: named },
      'salt',
    );
    expect(section.fields.map((field) => field.label)).toEqual([
      'Grid size',
      'Show label of newly added nodes',
    ]);
    expect(section.fields.map((field) => field.value)).toEqual(['60', false]);
  });
});
