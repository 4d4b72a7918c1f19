import { describe, expect, it } from 'vitest';
import type { FieldReport } from '../../../lib/messaging/apply-report';
import { verifyAgainstRead } from '../../../lib/restore/verify-against-read';

const applied = (key: string, expected: FieldReport['expected']): FieldReport => ({
  key,
  label: key,
  outcome: 'applied',
  expected,
});

describe('a restore through the page, checked against the section read again after its save', () => {
  it('a value the dashboard accepted and did not keep is changed by the dashboard, with what it holds', () => {
    const fields = [applied('primaryName', 'Ada'), applied('fallbackName', 'Backup Bot')];
    const read = { primaryName: 'Ada', fallbackName: 'Grace Bot', greetingStyle: 'friendly' };
    expect(verifyAgainstRead(fields, read)).toEqual([
      { ...applied('primaryName', 'Ada'), actual: 'Ada' },
      { ...applied('fallbackName', 'Backup Bot'), outcome: 'changed-by-dashboard', actual: 'Grace Bot' },
    ]);
  });

  it('compares as the dashboard stores them: a number, a flag and a list read back equal what was sent', () => {
    const fields = [applied('temperature', '0.4'), applied('enabled', false), applied('tags', ['a', 'b'])];
    const read = { temperature: 0.4, enabled: false, tags: ['a', 'b'] };
    expect(verifyAgainstRead(fields, read).map((field) => field.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('an API that writes values back its own way (10.5, a sorted list, false, seconds) kept them all', () => {
    const fields = [
      applied('unitPrice', '10.50'),
      applied('channels', ['sms', 'email']),
      applied('digest', '0'),
      applied('quietStart', '07:30'),
    ];
    const read = { unitPrice: 10.5, channels: ['email', 'sms'], digest: false, quietStart: '07:30:00' };
    expect(verifyAgainstRead(fields, read).map((field) => field.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('nested settings are matched by their JSON path', () => {
    const fields = [applied('editor.view.view-grid-size', '20'), applied('editor.view.view-show-grid', true)];
    const read = { editor: { view: { 'view-grid-size': 25, 'view-show-grid': true } } };
    expect(verifyAgainstRead(fields, read).map((field) => [field.outcome, field.actual])).toEqual([
      ['changed-by-dashboard', '25'],
      ['applied', true],
    ]);
  });

  it('a field the read does not show, or one not sent (rejected, skipped, unchanged), keeps its verdict', () => {
    const fields: FieldReport[] = [
      applied('telemetryEnabled', true),
      { ...applied('model', 'gpt-4o'), outcome: 'rejected' },
      { ...applied('systemPrompt', 'Hi'), outcome: 'skipped' },
      { ...applied('apiKey', null), outcome: 'unchanged' },
    ];
    expect(verifyAgainstRead(fields, { model: 'llama', systemPrompt: 'Yo', apiKey: 'x' })).toEqual(fields);
  });

  it('a field the capture of the save did not show that the dashboard holds as restored is applied', () => {
    const fields: FieldReport[] = [
      { ...applied('fallbackName', 'Backup Bot'), outcome: 'changed-by-dashboard', actual: null },
    ];
    expect(verifyAgainstRead(fields, { fallbackName: 'Backup Bot' })).toEqual([
      { ...applied('fallbackName', 'Backup Bot'), actual: 'Backup Bot' },
    ]);
  });

  it('a hostile read (a page answers for the dashboard) changes no verdict it cannot show, and shows a bounded value', () => {
    const read = JSON.parse(
      `{"__proto__": {"polluted": true}, "primaryName": {"toString": "x"}, "fallbackName": "${'A'.repeat(200_000)}"}`,
    ) as unknown;
    const fields = [
      applied('primaryName', 'Ada'),
      applied('fallbackName', 'Backup Bot'),
      applied('polluted', true),
    ];
    const report = verifyAgainstRead(fields, read);
    // An object where a value was (it shows no value there) and a `__proto__` member leave the capture's word.
    expect(report.map((field) => field.outcome)).toEqual(['applied', 'changed-by-dashboard', 'applied']);
    expect(String(report[1]?.actual).length).toBeLessThanOrEqual(100_000);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
