import { describe, expect, it } from 'vitest';
import type { RawField } from '../../../lib/capture/snapshot-draft';
import {
  secretReasonForField,
  secretReasonForKey,
  secretReasonForNamedValue,
  secretReasonForValue,
} from '../../../lib/capture/redact';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----';

/** A text field with the given parts, as `readFields` would report it. */
function field(parts: Partial<RawField> & { key: string }): RawField {
  return {
    label: parts.key,
    value: '',
    type: 'text',
    autocomplete: '',
    disabled: false,
    readOnly: false,
    truncated: false,
    locator: { name: parts.key, inputType: parts.type ?? 'text' },
    ...parts,
  };
}

describe('secretReasonForKey', () => {
  it.each<[string, string | null]>([
    // Secrets by name.
    ['password', 'key:password'],
    ['newPassword', 'key:password'],
    ['password_confirmation', 'key:password'],
    ['user[password]', 'key:password'],
    ['passwd', 'key:password'],
    ['pwd', 'key:password'],
    ['passphrase', 'key:password'],
    ['client_secret', 'key:secret'],
    ['webhookSecret', 'key:secret'],
    ['SECRET_KEY', 'key:secret'],
    ['access_token', 'key:token'],
    ['refreshToken', 'key:token'],
    ['authToken', 'key:token'],
    ['id_token', 'key:token'],
    ['token', 'key:token'],
    ['Authorization', 'key:token'],
    ['bearer', 'key:token'],
    ['sessionToken', 'key:token'],
    ['session_id', 'key:session'],
    ['PHPSESSID', 'key:session'],
    ['apiKey', 'key:api-key'],
    ['api_key', 'key:api-key'],
    ['x-api-key', 'key:api-key'],
    ['APIKey', 'key:api-key'],
    ['apikey', 'key:api-key'],
    ['API key', 'key:api-key'],
    ['aws_access_key', 'key:api-key'],
    ['privateKey', 'key:private-key'],
    ['ssh_private_key', 'key:private-key'],
    ['csrf', 'key:csrf'],
    ['_csrf', 'key:csrf'],
    ['X-XSRF-TOKEN', 'key:csrf'],
    ['csrfmiddlewaretoken', 'key:csrf'],
    ['authenticity_token', 'key:csrf'],
    ['otp', 'key:otp'],
    ['one_time_code', 'key:otp'],
    ['pin', 'key:pin'],
    ['pin_code', 'key:pin'],
    ['cvv', 'key:cvv'],
    ['cvc2', 'key:cvv'],
    ['ssn', 'key:ssn'],
    ['social_security_number', 'key:ssn'],
    ['cardNumber', 'key:card-number'],
    ['credentials', 'key:credential'],
    ['Enter the token you received by SMS', 'key:token'],
    // Issue 13: credential keys the security review found kept.
    ['sharedKey', 'key:api-key'],
    ['AccountKey', 'key:api-key'],
    ['ingestKey', 'key:api-key'],
    ['hmacKey', 'key:private-key'],
    ['secret_id', 'key:secret'],
    ['recoveryCodes', 'key:otp'],
    ['backup_codes', 'key:otp'],
    ['verification_token', 'key:token'],
    ['salt', 'key:secret'],
    ['Recovery phrase', 'key:secret'],
    // Settings about secrets, and names that merely contain a secret word.
    ['maxTokens', null],
    ['max_tokens', null],
    ['tokens_per_day', null],
    ['tokenLimit', null],
    ['token_url', null],
    ['passwordMinLength', null],
    ['password_policy', null],
    ['requirePassword', null],
    ['apiKeyId', null],
    ['api_key_label', null],
    ['secretName', null],
    ['private_key_path', null],
    ['pinToTop', null],
    ['pinned', null],
    ['passThrough', null],
    ['bypass', null],
    ['passport', null],
    ['tokenizer', null],
    ['secretary', null],
    ['cookieConsent', null],
    ['client_id', null],
    ['key', null],
    ['auth', null],
    ['keymap', null],
    ['monkey', null],
    ['turkey', null],
    ['primaryKey', null],
    ['sortKey', null],
    ['saltRounds', null],
    ['sshKeyFingerprint', null],
    ['secretsManagerRegion', null],
    ['otpIssuer', null],
    // The demo dashboard's fields.
    ['Primary bot name', null],
    ['Greeting style', null],
    ['System prompt', null],
    ['Model', null],
    ['Temperature', null],
    ['Max tickets per day', null],
    ['Review mode', null],
    ['Can open tickets', null],
    ['canOpenTickets', null],
  ])('%j → %s', (key, reason) => {
    expect(secretReasonForKey(key)).toBe(reason);
  });
});

describe('secretReasonForValue', () => {
  it.each<[string, string, string | null]>([
    ['a JWT', JWT, 'value:jwt'],
    ['a JWT pasted into prose', `My token is ${JWT} thanks`, 'value:token-in-text'],
    ['a PEM private key', PEM, 'value:private-key'],
    ['a Visa test number', '4111111111111111', 'value:card-number'],
    ['a card number with spaces', '4242 4242 4242 4242', 'value:card-number'],
    ['an Amex number with dashes', '3782-822463-10005', 'value:card-number'],
    ['a Stripe live key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'value:known-token'],
    ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'value:known-token'],
    ['a Slack bot token', 'xoxb-123456789012-1234567890123-abcdefghijkl', 'value:known-token'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE', 'value:known-token'],
    ['an OpenAI key', 'sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'value:known-token'],
    [
      'a Slack webhook URL',
      'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX',
      'value:known-token',
    ],
    ['a bearer header', 'Bearer abcdef0123456789', 'value:auth-header'],
    ['a URL with credentials', 'postgres://admin:hunter2@db.example.com/app', 'value:url-credentials'],
    [
      'a URL with an access_token',
      'https://api.example.com/cb?access_token=abc123def456',
      'value:url-secret',
    ],
    ['a random base64url string', 'q8Xv2LmN0pRt7sKw9YzA3bCd', 'value:high-entropy'],
    ['a 40-hex string', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', 'value:high-entropy'],
    ['a Luhn-failing 16-digit number', '4111111111111112', null],
    ['an epoch-millisecond timestamp', '1732540000000', null],
    ['a UUID (an id, kept)', '3f2b1c4e-8a9d-4e6f-b1a2-c3d4e5f60718', null],
    ['an ordinary long word', 'Supercalifragilisticexpialidocious', null],
    ['a camelCase identifier', 'getUserProfileSettingsForWorkspace1', null],
    ['a model id', 'claude-3-5-sonnet-20241022', null],
    ['another model id', 'gpt-4o-mini-2024-07-18', null],
    ['a URL with a normal path', 'https://example.com/api/workspaces/acme/settings/bot-names', null],
    ['a hex colour', '#ff00aa', null],
    ['an ISO date', '2024-01-15T12:30:00.000Z', null],
    ['an e-mail address', 'support-team@acme-corporation.example.com', null],
    ['a phone number', '+49 30 12345678', null],
    [
      'long prose',
      'You are a friendly support bot for Acme. Answer briefly and hand over when unsure.',
      null,
    ],
    ['a short value', 'Ada', null],
    ['a temperature', '0.7', null],
  ])('%s', (_name, value, reason) => {
    expect(secretReasonForValue(value)).toBe(reason);
  });
});

describe('secretReasonForNamedValue (body keys)', () => {
  it.each<[string, unknown, string | null]>([
    ['maxTokens', 4096, null],
    ['tokens_per_day', 1000, null],
    ['token', 5, null],
    ['token', '5', null],
    ['token', 'abc', 'key:token'],
    ['pin', 1234, 'key:pin'],
    ['password', true, null],
    ['apiKey', '', 'key:api-key'],
    ['card', 4111111111111111, 'value:card-number'],
    ['name', 'Ada', null],
    ['verification_token', 482913, 'key:token'],
    ['verification_token', '482913', 'key:token'],
    ['key', 'AbC123xyz789QRS', 'key:api-key'],
    ['key', 'dark-mode', null],
    ['docId', 'Xk9pL2mQ8rT4vW7yZ3bN', null],
    ['relay', 'Lq7Wm2Xp9Rz4Tn8Vb3Kd', 'value:high-entropy'],
  ])('%s = %j → %s', (key, value, reason) => {
    expect(secretReasonForNamedValue(key, value)).toBe(reason);
  });
});

describe('secretReasonForField', () => {
  it.each<[string, RawField, string | null]>([
    [
      'a password input',
      field({ key: 'apiKey', type: 'password', label: 'API key', value: 'x' }),
      'input-type:password',
    ],
    [
      'a password input named oddly',
      field({ key: 'field7', type: 'password', value: 'x' }),
      'input-type:password',
    ],
    [
      'new-password autocomplete',
      field({ key: 'pw2', autocomplete: 'new-password' }),
      'autocomplete:new-password',
    ],
    [
      'current-password autocomplete',
      field({ key: 'x', autocomplete: 'section-a current-password' }),
      'autocomplete:current-password',
    ],
    [
      'one-time-code autocomplete',
      field({ key: 'code', autocomplete: 'one-time-code' }),
      'autocomplete:one-time-code',
    ],
    ['cc-number autocomplete', field({ key: 'n', autocomplete: 'cc-number' }), 'autocomplete:cc-number'],
    ['cc-csc autocomplete', field({ key: 'c', autocomplete: 'cc-csc' }), 'autocomplete:cc-csc'],
    [
      'a label naming a secret',
      field({ key: 'f1', label: 'Client secret', locator: { label: 'Client secret', inputType: 'text' } }),
      'key:secret',
    ],
    ['a secret-looking value', field({ key: 'note', value: JWT }), 'value:jwt'],
    [
      'a multi-select holding a token',
      field({ key: 'list', value: ['a', JWT], type: 'select-multiple' }),
      'value:jwt',
    ],
    [
      'the user list, by label',
      field({ key: 'f', locator: { label: 'Bot names', inputType: 'text' } }),
      null,
    ],
    ['a number input named token', field({ key: 'token', type: 'number', value: '5' }), null],
    ['a text input named maxTokens', field({ key: 'maxTokens', value: '4096' }), null],
    ['a text input named token holding a number', field({ key: 'token', value: '4096' }), null],
    ['a checkbox named password', field({ key: 'requirePassword', type: 'checkbox', value: true }), null],
    [
      'the demo "Can open tickets" checkbox',
      field({ key: 'canOpenTickets', type: 'checkbox', value: true, label: 'Can open tickets' }),
      null,
    ],
    [
      'the demo "Max tickets per day"',
      field({ key: 'maxTicketsPerDay', type: 'number', value: '25', label: 'Max tickets per day' }),
      null,
    ],
    [
      'the demo "System prompt"',
      field({ key: 'systemPrompt', type: 'textarea', value: 'You are a friendly bot. Be brief.' }),
      null,
    ],
    [
      'the demo "Review mode"',
      field({ key: 'reviewMode', type: 'radio', value: 'sometimes', label: 'Review mode' }),
      null,
    ],
    ['the demo "Model"', field({ key: 'model', type: 'select-one', value: 'claude-3-5-sonnet' }), null],
  ])('%s', (_name, raw, reason) => {
    expect(secretReasonForField(raw, [])).toBe(reason);
  });

  it('honours the user list by key, name or label, ignoring case and separators', () => {
    expect(secretReasonForField(field({ key: 'greetingStyle', value: 'friendly' }), ['Greeting style'])).toBe(
      'user-rule',
    );
    expect(secretReasonForField(field({ key: 'internal_notes', value: 'x' }), ['internalNotes'])).toBe(
      'user-rule',
    );
    expect(secretReasonForField(field({ key: 'model', value: 'x' }), ['temperature'])).toBeNull();
  });
});
