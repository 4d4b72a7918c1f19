import { describe, expect, it } from 'vitest';
import { parseEmbedded } from '../../../lib/capture/redact-embedded';
import { containsCardNumber } from '../../../lib/capture/secret-card';
import { connectionStringHoldsSecret } from '../../../lib/capture/secret-connection-string';
import { isSecretTuple, secretPairMembers } from '../../../lib/capture/secret-pair';
import { namesPublicValue } from '../../../lib/capture/secret-public-name';
import { settingsTextHoldsSecret } from '../../../lib/capture/secret-settings-text';
import { looksLikeToken } from '../../../lib/capture/secret-token-shape';
import { containsUrlCredentials } from '../../../lib/capture/secret-url-credentials';
import { weakNameReason } from '../../../lib/capture/secret-weak-name';

describe('weakNameReason: key, auth, sig and code are secrets only over a credential-shaped value', () => {
  it.each<[string, unknown, string | null]>([
    ['key', 'AbC123xyz789QRS', 'key:api-key'],
    ['key', 'dark-mode', null],
    ['key', 'notifications.email.weekly', null],
    ['sortKey', 'Xk9pL2mQ8rT4', null],
    ['hotkey', 'Ctrl+Shift+K', null],
    ['siteKey', '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI', null],
    ['auth', 'admin:S3cr3tPw77', 'key:credential'],
    ['auth', 'oauth2', null],
    ['proxyAuth', 'squid:Pr0xy-Pass', 'key:credential'],
    ['sig', 'rQsIg0o9i8u7', 'key:signature'],
    ['X-Amz-Signature', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'key:signature'],
    ['signature', 'Best regards, Ada', null],
    ['code', 'SplxlOBeZQQYbYS6WxSbIA', 'key:otp'],
    ['countryCode', 'GB', null],
    ['promoCode', 'SUMMER2024X', null],
    ['key', 12345678, null],
  ])('%s = %j → %s', (key, value, reason) => {
    expect(weakNameReason(key, value)).toBe(reason);
  });
});

describe('looksLikeToken', () => {
  it.each<[string, boolean]>([
    ['Kx9mP2vQ8rT4wZ7y', true],
    ['AuthCode8x7y6z', true],
    ['4712bf92ffc2917d', true],
    ['c2lnbmF0dXJlLWJ5dGVz', true],
    ['user-profile-v2', false],
    ['new-editor-2024', false],
    ['3f2b1c4e-8a9d-4e6f-b1a2-c3d4e5f60718', false],
    ['https://example.com/a1b2c3d4', false],
    ['short1', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeToken(value)).toBe(expected);
  });

  it('takes user:password only when asked', () => {
    expect(looksLikeToken('admin:S3cr3tPw77', true)).toBe(true);
    expect(looksLikeToken('localhost:8080', true)).toBe(false);
    expect(looksLikeToken('node:20-alpine')).toBe(false);
  });
});

describe('value shapes inside text', () => {
  it.each<[string, boolean]>([
    ['Billing card 4111 1111 1111 1111 exp 12/27', true],
    ['4242.4242.4242.4242', true],
    ['amex:378282246310005', true],
    ['Order 4111 shipped on 2024-03-01', false],
    ['Call 0800 123 4567 or +44 20 7946 0958', false],
    ['created 1732540000000', false],
  ])('card number in %j → %s', (text, expected) => {
    expect(containsCardNumber(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['Server=tcp:sql.example.net;Database=app;User ID=sa;Password=x1;', true],
    ['DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=abc==;', true],
    ['Endpoint=sb://a/;SharedAccessKeyName=send;SharedAccessKey=k=', true],
    ['cache.example.com:6380,password=p,ssl=True', true],
    ['Server=db;Database=app;Trusted_Connection=True;', false],
    ['SharedAccessKeyName=send;EntityPath=q', false],
    ['maxTokens=4096,temperature=0.7', false],
  ])('connection string %j → %s', (text, expected) => {
    expect(connectionStringHoldsSecret(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['redis://:R3dis-Pass@cache:6379', true],
    ['see postgres://admin:pw@10.0.0.5/prod, thanks', true],
    ['https://user@example.com/', false],
    ['git@github.com:acme/app.git', false],
  ])('URL credentials in %j → %s', (text, expected) => {
    expect(containsUrlCredentials(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['PORT=3000\nAPI_SECRET=envSecret-991', true],
    ['smtp:\n  host: mail.example.com\n  password: yamlPw-55', true],
    ['The admin password is Hunter2-Prod!', true],
    ["curl -H 'Authorization: Bearer abc123def456ghi789' https://x", true],
    ['PORT=3000\nLOG_LEVEL=info', false],
    ['retries: 3\nmax_tokens: 4096\ntoken: 5', false],
    ['Your password must be at least 12 characters long.', false],
    ['The password is required', false],
  ])('settings text %j → %s', (text, expected) => {
    expect(settingsTextHoldsSecret(text)).toBe(expected);
  });
});

describe('names and shapes of bodies', () => {
  const none = () => false;

  it('finds the value of a name/value pair named as a secret', () => {
    expect(secretPairMembers({ name: 'X-Api-Key', value: 'k1' }, none)).toEqual(new Set(['value']));
    expect(secretPairMembers({ Key: 'DB_PASSWORD', Value: 'p' }, none)).toEqual(new Set(['Value']));
    expect(secretPairMembers({ name: 'LOG_LEVEL', value: 'debug' }, none).size).toBe(0);
    expect(secretPairMembers({ key: 'new-nav', enabled: true }, none).size).toBe(0);
    expect(secretPairMembers({ name: 'relay', value: 'x' }, (names) => names.includes('relay')).size).toBe(1);
  });

  it('finds a [name, value] tuple named as a secret', () => {
    expect(isSecretTuple(['X-Api-Key', 'k'])).toBe(true);
    expect(isSecretTuple(['Accept', 'application/json'])).toBe(false);
    expect(isSecretTuple(['password', 'a', 'b'])).toBe(false);
  });

  it('reads JSON (also encoded twice) and form data inside strings, nothing else', () => {
    expect(parseEmbedded('{"password":"x"}')).toEqual({ password: 'x' });
    expect(parseEmbedded(JSON.stringify(JSON.stringify({ token: 't' })))).toEqual({ token: 't' });
    expect(parseEmbedded('a=1&token=t')).toBeInstanceOf(URLSearchParams);
    expect(parseEmbedded('{not json')).toBeUndefined();
    expect(parseEmbedded('"just a string"')).toBeUndefined();
    expect(parseEmbedded('plain words')).toBeUndefined();
  });

  it.each<[string, boolean]>([
    ['docId', true],
    ['commitSha', true],
    ['publishableKey', true],
    ['vapidPublicKey', true],
    ['apiKey', false],
    ['relay', false],
  ])('%s names an id or a public value → %s', (key, expected) => {
    expect(namesPublicValue(key)).toBe(expected);
  });
});
