import { describe, expect, it } from 'vitest';
import { formatLeftOut, parseLeftOut } from '../../../lib/options/left-out-list';

describe('parseLeftOut', () => {
  it.each<[string, string[]]>([
    ['', []],
    [' , ,', []],
    ['apiToken', ['apiToken']],
    ['apiToken, webhookSecret ,apiToken,', ['apiToken', 'webhookSecret']],
    ['billing email,  sso.secret', ['billing email', 'sso.secret']],
  ])('%j', (text, names) => {
    expect(parseLeftOut(text)).toEqual(names);
  });

  it('round-trips through formatLeftOut', () => {
    expect(parseLeftOut(formatLeftOut(['a', 'b c']))).toEqual(['a', 'b c']);
  });
});
