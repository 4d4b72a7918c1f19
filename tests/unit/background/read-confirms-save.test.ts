import { describe, expect, it } from 'vitest';
import { readConfirmsSave } from '../../../lib/background/read-confirms-save';

const read = { primaryName: 'Ada', fallbackName: 'Bo', maxTickets: 40, flags: ['a', 'b'] };

describe('readConfirmsSave', () => {
  it.each([
    ['the values the read shows', { primaryName: 'Ada', fallbackName: 'Bo' }, true],
    ['a number sent as text', { maxTickets: '40' }, true],
    ['a list', { flags: ['a', 'b'] }, true],
    ['another value', { primaryName: 'Forged', fallbackName: 'Bo' }, false],
    ['a value the read does not have', { primaryName: 'Ada', fallbackName: 'Bo', webhook: 'x' }, false],
    ['a left-out secret the read does not show', { primaryName: 'Ada', token: '[left out]' }, true],
    ['another resource (a wrapper, a list)', { a: 1, b: 2, c: 3 }, true],
    ['nothing', {}, true],
    // A report padded with places the read lacks, so that most of it is not there: the read is still the resource.
    ['another value, padded', { primaryName: 'Forged', pad: { a: 1, b: 2, c: 3, d: 4, e: 5 } }, false],
    ['a value the read does not have, padded', { primaryName: 'Ada', webhook: 'x', a: 1, b: 2, c: 3 }, false],
  ])('%s: %s', (_what, sent, confirms) => {
    expect(readConfirmsSave(read, sent)).toBe(confirms);
  });

  // SECURITY: a value holding the left-out mark was skipped whole, so a forged report of a silenced save could name
  // any value with '[left out]' in it (a webhook to the attacker's host) and have it recorded, the rest agreeing.
  it.each([
    ['another value that carries the mark', { primaryName: 'Forged [left out]', fallbackName: 'Bo' }, false],
    ['another host around a left-out password', { dsn: 'postgres://u:[left out]@evil.example/x' }, false],
    ['the mark where the read has a list', { flags: '[left out]x' }, false],
    ['a password left out inside the value the read shows', { dsn: 'postgres://u:[left out]@db/x' }, true],
    ['two secrets left out of one value', { dsn: 'postgres://[left out]:[left out]@db/x' }, true],
  ])('a value with a secret left out inside it is held to the rest of it: %s', (_what, sent, confirms) => {
    expect(readConfirmsSave({ ...read, dsn: 'postgres://u:hunter2@db/x' }, sent)).toBe(confirms);
  });

  it('says nothing when the read is not JSON', () => {
    expect(readConfirmsSave(undefined, { primaryName: 'Forged' })).toBe(true);
    expect(readConfirmsSave('<html>', { primaryName: 'Forged' })).toBe(true);
  });
});
