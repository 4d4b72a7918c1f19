import { describe, expect, it } from 'vitest';
import { capture } from '../support/capture-path';

/** The fields a dashboard's JSON save of `body` leaves, as `[key, value, left out?]`. */
async function saved(body: unknown): Promise<[string, unknown, boolean][]> {
  const { snapshot } = await capture(
    {
      pageUrl: 'https://dash.example.com/acme/settings',
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url: '/api/settings', bodyKind: 'json', body },
    },
    { salt: 'env-salt' },
  );
  return snapshot.fields.map((field) => [field.key, field.value, field.secret !== undefined]);
}

describe('an environment-variable-style name ending in _KEY', () => {
  it('leaves out a service key sent as Netlify sends it: { key, values: [{ value, context }] }', async () => {
    const fields = await saved({
      env: [{ key: 'STRIPE_KEY', scopes: ['builds'], values: [{ value: 'rk_test_abc', context: 'all' }] }],
    });
    expect(JSON.stringify(fields)).not.toContain('rk_test_abc');
  });

  it.each([
    ['an i18n key map', { messages: { SAVE_BUTTON_KEY: 'buttons.save', PAGE_TITLE_KEY: 'dashboard.title' } }],
    ['a feature flag', { env: [{ name: 'FEATURE_FLAG_KEY', value: 'new-checkout' }] }],
    [
      'Kafka and Redis',
      { KAFKA_MESSAGE_KEY: 'orderId', REDIS_LOCK_KEY: 'jobs:lock', REDIS_QUEUE_KEY: 'bull:emails' },
    ],
    ['keyboard shortcuts', { shortcuts: { UNDO_KEY: 'Ctrl+Z', SUBMIT_KEY: 'Enter' } }],
    ['a list of field names', { logging: { LOG_REDACT_KEYS: 'authorization,cookie' } }],
  ])('keeps %s: the key names a thing, its value is no credential', async (_name, body) => {
    const fields = await saved(body);
    expect(fields.filter(([, , secret]) => secret)).toEqual([]);
  });
});
