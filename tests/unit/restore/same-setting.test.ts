import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../lib/capture/snapshot';
import { sameSetting } from '../../../lib/restore/same-setting';

describe('the setting a restore put there, as a dashboard writes it back', () => {
  it.each<[string, unknown, FieldValue]>([
    ['the same text', 'Ada', 'Ada'],
    ['a number stored as a number', 40, '40'],
    ['a number stored without its trailing zero', 10.5, '10.50'],
    ['a flag a select sent as "0"', false, '0'],
    ['a flag a select sent as "1"', true, '1'],
    ['a flag a checkbox sent as "on"', true, 'on'],
    ['a checkbox read back as "true"', 'true', true],
    ['a time stored with its seconds', '07:30:00', '07:30'],
    ['a multi-select stored in another order', ['email', 'sms'], ['sms', 'email']],
    ['a list of numbers', [1, 2], ['1', '2']],
    ['nothing for a secret', undefined, null],
  ])('%s is the same setting', (_name, read, expected) => {
    expect(sameSetting(read, expected)).toBe(true);
  });

  it.each<[string, unknown, FieldValue]>([
    ['another text', 'Grace Bot', 'Backup Bot'],
    ['another number', 10.4, '10.50'],
    ['an emptied text', '', 'Ada'],
    ['text that only looks empty', ' ', '0'],
    ['the other flag', true, '0'],
    ['a flag for a text', false, 'Ada'],
    ['another time', '07:31:00', '07:30'],
    ['a choice dropped from a list', ['sms'], ['sms', 'email']],
    ['a choice swapped in a list', ['sms', 'push'], ['sms', 'email']],
    ['a list for a text', ['a'], 'a'],
    ['text for a list', 'a', ['a']],
  ])('%s is not', (_name, read, expected) => {
    expect(sameSetting(read, expected)).toBe(false);
  });
});
