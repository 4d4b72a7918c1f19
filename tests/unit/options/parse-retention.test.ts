import { describe, expect, it } from 'vitest';
import { parseRetention } from '../../../lib/options/parse-retention';

describe('parseRetention', () => {
  it.each<[string, number]>([
    ['1', 1],
    ['200', 200],
    [' 10000 ', 10_000],
  ])('accepts %j', (text, value) => {
    expect(parseRetention(text)).toEqual({ value });
  });

  it.each<[string, RegExp]>([
    ['', /^Enter a whole number from 1 to 10,000$/],
    ['2.5', /^Enter a whole number from 1 to 10,000$/],
    ['-3', /^Enter a whole number from 1 to 10,000$/],
    ['1e3', /^Enter a whole number from 1 to 10,000$/],
    ['0', /between 1 and 10,000/],
    ['10001', /between 1 and 10,000/],
  ])('refuses %j', (text, message) => {
    const result = parseRetention(text);
    expect('error' in result && result.error).toMatch(message);
  });
});
