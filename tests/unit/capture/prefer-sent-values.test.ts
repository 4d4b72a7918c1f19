import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { preferSentValues } from '../../../lib/capture/prefer-sent-values';
import { field, snapshot } from '../support/snapshot-fixture';

function withBody(base: Snapshot, body: unknown): Snapshot {
  return { ...base, request: { method: 'PUT', url: 'http://x/api/settings/s', bodyKind: 'json', body } };
}

describe('preferSentValues', () => {
  it('takes what the request sent over what the page shows now', () => {
    const page = snapshot('s', { name: 'typed later', limit: '5' });
    const result = preferSentValues(withBody(page, { name: 'sent', limit: 7, unrelated: 'x' }));
    expect(result.fields.map((f) => f.value)).toEqual(['sent', '7']);
  });

  it('maps booleans and checkbox values, and keeps fields the body does not name', () => {
    const page: Snapshot = {
      ...snapshot('s', { kept: 'a' }),
      fields: [field('enabled', false), field('kept', 'a')],
    };
    expect(preferSentValues(withBody(page, { enabled: 'on' })).fields.map((f) => f.value)).toEqual([
      true,
      'a',
    ]);
  });

  it('never takes a secret from the body, and ignores bodies that are not objects', () => {
    const secret = { ...field('apiKey', null), secret: { hash: 'h', reason: 'password field' } };
    const page: Snapshot = { ...snapshot('s', {}), fields: [secret] };
    expect(preferSentValues(withBody(page, { apiKey: 'sk_live_x' })).fields[0]?.value).toBeNull();
    expect(preferSentValues(withBody(page, ['a']))).toEqual(withBody(page, ['a']));
  });
});
