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
    ['', /whole number/],
    ['2.5', /whole number/],
    ['-3', /whole number/],
    ['1e3', /whole number/],
    ['0', /between 1 and 10,000/],
    ['10001', /between 1 and 10,000/],
  ])('refuses %j', (text, message) => {
    const result = parseRetention(text);
    expect('error' in result && result.error).toMatch(message);
  });
});
