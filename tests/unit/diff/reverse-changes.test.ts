import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../../lib/diff/diff-snapshots';
import { reverseChanges } from '../../../lib/diff/reverse-changes';

const change = (kind: FieldChange['kind'], before: FieldChange['before'], after: FieldChange['after']) => ({
  key: 'k',
  label: 'K',
  kind,
  before,
  after,
});

describe('a comparison read the other way (this backup → the page now)', () => {
  it('swaps the two sides of each field, with their option texts', () => {
    expect(
      reverseChanges([
        { ...change('changed', 'Changed elsewhere', 'Ada'), beforeTexts: { a: 'A' }, afterTexts: { b: 'B' } },
        change('unchanged', 'x', 'x'),
      ]),
    ).toEqual([
      { ...change('changed', 'Ada', 'Changed elsewhere'), beforeTexts: { b: 'B' }, afterTexts: { a: 'A' } },
      change('unchanged', 'x', 'x'),
    ]);
  });

  it('a field only the page has is added, one only the backup has is removed', () => {
    expect(
      reverseChanges([change('removed', 'on page', undefined), change('added', undefined, 'in backup')]),
    ).toEqual([change('added', undefined, 'on page'), change('removed', 'in backup', undefined)]);
  });

  it('a secret that only one side has swaps too; one that changed stays changed', () => {
    const secret = (s: FieldChange['secret']) => ({ ...change('changed', null, null), secret: s });
    expect(
      reverseChanges([secret('added'), secret('removed'), secret('changed')]).map((c) => c.secret),
    ).toEqual(['removed', 'added', 'changed']);
  });
});
