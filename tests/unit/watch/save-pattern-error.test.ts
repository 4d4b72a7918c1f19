import { describe, expect, it } from 'vitest';
import { savePatternError } from '../../../lib/watch/save-pattern-error';

describe('savePatternError', () => {
  it.each([
    '',
    '/api/settings*',
    '*/api/*',
    'https://app.example.com/api/:section',
    'http://127.0.0.1:*/save',
  ])('accepts %j', (pattern) => {
    expect(savePatternError(pattern)).toBeNull();
  });

  it.each(['api/settings', 'nonsense', 'ftp://x/*'])('refuses %j', (pattern) => {
    expect(savePatternError(pattern)).toMatch(/\/api\/settings\*/);
  });
});
