import type { CaptureInput } from './secrets-corpus';

/**
 * Ordinary settings that must be kept as they are: names, ids, colours, schedules, paths, limits, URLs without
 * credentials, and words that merely contain a secret word (`keymap`, `monkey`, `primaryKey`). The corpus test
 * counts those wrongly left out (false positives).
 */
export interface BenignCase extends CaptureInput {
  name: string;
  /** Must be kept: found in the snapshot, with nothing left out. */
  keep: string;
}

const field = (name: string, value: string, type?: string): BenignCase => ({
  name: `field ${name}`,
  keep: value,
  field: { name, value, ...(type ? { type } : {}) },
});
const labelled = (label: string, value: string): BenignCase => ({
  name: `label ${label}`,
  keep: value,
  field: { id: label.toLowerCase().replace(/\W+/g, '-'), label, value },
});
const entry = (key: string, value: unknown, keep = String([value].flat()[0])): BenignCase => ({
  name: `body ${key} = ${JSON.stringify(value)}`,
  keep,
  body: { [key]: value },
});
const nested = (name: string, value: unknown, keep: string): BenignCase => ({ name, keep, body: value });
const page = (name: string, url: string): BenignCase => ({
  name: `page URL ${name}`,
  keep: url,
  pageUrl: url,
});
const request = (name: string, url: string): BenignCase => ({
  name: `request URL ${name}`,
  keep: url,
  requestUrl: url,
});

export const BENIGN_CASES: BenignCase[] = [
  // People and places.
  field('displayName', 'Ada Lovelace'),
  field('username', 'ada.lovelace'),
  field('email', 'ada@example.com', 'email'),
  field('supportEmail', 'support-team@acme-corporation.example.com', 'email'),
  field('phone', '+49 30 12345678', 'tel'),
  field('company', 'Acme Corporation GmbH'),
  field('address', '221B Baker Street, London NW1 6XE'),
  labelled('Primary bot name', 'Ada'),
  labelled('Workspace slug', 'acme-prod'),
  entry('owner', 'grace.hopper@navy.example.mil'),
  // Ids.
  entry('id', '3f2b1c4e-8a9d-4e6f-b1a2-c3d4e5f60718'),
  entry('workspaceId', 'ws_8f3k2m'),
  entry('customerId', 'cus_NffrFeUfNV2Hib'),
  entry('objectId', '507f1f77bcf86cd799439011'),
  entry('orderId', 'ORD-2024-000123'),
  entry('channelId', 'C024BE91L'),
  entry('snowflake', '1234567890123456789'),
  entry('createdAt', 1732540000000),
  entry('idempotencyKey', 'a8098c1a-f86e-11da-bd1a-00112444be1e'),
  entry('requestId', 'req_7Hc2'),
  entry('commit', 'e83c516'),
  entry('buildNumber', 4821),
  // Colours, fonts, layout.
  field('primaryColor', '#ff00aa', 'color'),
  field('accent', '#1E90FF'),
  entry('background', 'rgb(18, 18, 18)'),
  entry('font', 'Inter, system-ui, sans-serif'),
  entry('theme', 'dark'),
  entry('density', 'compact'),
  entry('sidebarWidth', 280),
  // Time.
  entry('schedule', '0 3 * * 1-5'),
  entry('cron', '*/15 * * * *'),
  entry('timezone', 'Europe/Berlin'),
  entry('tz', 'America/Los_Angeles'),
  entry('quietHours', '22:00-07:00'),
  entry('startDate', '2024-01-15'),
  entry('updatedAt', '2024-01-15T12:30:00.000Z'),
  entry('retention', 'P30D'),
  // Locale.
  entry('locale', 'de-DE'),
  entry('language', 'pt_BR'),
  entry('currency', 'EUR'),
  entry('countryCode', 'GB'),
  entry('dateFormat', 'YYYY-MM-DD'),
  // Paths and versions.
  entry('logPath', '/var/log/acme/app.log'),
  entry('configFile', 'C:\\ProgramData\\Acme\\config.yaml'),
  entry('privateKeyPath', '/etc/ssl/private/server.key'),
  entry('version', '2.14.3'),
  entry('minVersion', 'v1.0.0-beta.3+build.42'),
  entry('image', 'ghcr.io/acme/bot:1.4.2'),
  entry('nodeImage', 'node:20-alpine'),
  entry('model', 'claude-3-5-sonnet-20241022'),
  entry('fallbackModel', 'gpt-4o-mini-2024-07-18'),
  // Feature flags and switches.
  entry('flag', 'new-editor-2024'),
  entry('featureFlags', ['dark_mode_v2', 'beta-search', 'ai-summaries']),
  entry('experiment', 'checkout_redesign_q3'),
  entry('requirePassword', true, 'true'),
  entry('passwordMinLength', 12),
  entry('password_policy', 'strong'),
  entry('tokenLimit', 4096),
  entry('maxTokens', 8192),
  entry('token', 5),
  entry('tokens_per_day', 100000),
  entry('apiKeyId', 'key_01HZX'),
  entry('apiKeyLabel', 'CI deploys'),
  entry('secretName', 'prod-db-credentials'),
  entry('tokenUrl', 'https://auth.example.com/oauth/token'),
  entry('sessionTimeout', 1800),
  entry('auth', 'oauth2'),
  entry('authMethod', 'saml'),
  entry('authProvider', 'google'),
  // "key" in ordinary senses.
  entry('keymap', 'vim'),
  entry('keyboardShortcut', 'Ctrl+Shift+K'),
  entry('shortcutKey', 'Ctrl+K'),
  entry('hotkey', 'Alt+1'),
  entry('monkey', 'chimp-42'),
  entry('turkey', 'roast-2024-11'),
  entry('primaryKey', 'user_id'),
  entry('sortKey', 'createdAt'),
  entry('partitionKey', '/tenantId'),
  entry('cacheKey', 'user-profile-v2'),
  entry('translationKey', 'settings.general.title'),
  entry('key', 'dark-mode'),
  entry('key', 'notifications.email.weekly'),
  entry(
    'publicKeyFingerprint',
    'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
    'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
  ),
  nested('a feature flag list keyed by "key"', { flags: [{ key: 'new-nav', enabled: true }] }, 'new-nav'),
  nested('a name/value pair that is no secret', { env: [{ name: 'LOG_LEVEL', value: 'debug' }] }, 'debug'),
  nested(
    'a header pair that is no secret',
    { headers: [{ name: 'Accept', value: 'application/json' }] },
    'application/json',
  ),
  // Numbers and limits.
  entry('maxTicketsPerDay', 25),
  entry('temperature', 0.7),
  entry('retries', 3),
  entry('timeoutMs', 30000),
  entry('maxUploadBytes', 10485760),
  entry('rateLimit', '100/min'),
  entry('port', 8443),
  entry('pinToTop', true, 'true'),
  entry('pinned', ['general', 'random']),
  // URLs without credentials.
  entry('homepage', 'https://example.com/api/workspaces/acme/settings/bot-names'),
  entry('webhookUrl', 'https://hooks.example.com/services/alerts'),
  entry('callbackUrl', 'https://dash.example.com/oauth/callback?provider=github'),
  entry('docs', 'https://docs.example.com/guide?page=2&lang=en#install'),
  entry('smtpHost', 'smtp.example.com:587'),
  entry('redisHost', 'cache.internal:6379'),
  entry('dbHost', 'postgres://db.example.com:5432/app'),
  page('with a tab', 'https://dash.example.com/acme/settings?tab=billing'),
  page('with an id path', 'https://dash.example.com/workspaces/k57f8a9b2c3d4e5f/settings'),
  page('with a hash route', 'https://dash.example.com/#/settings/general'),
  request('with a page param', '/api/settings/alerts?page=2&sort=name'),
  request('with a UUID', '/api/bots/3f2b1c4e-8a9d-4e6f-b1a2-c3d4e5f60718/settings'),
  request('with a key-ish param', '/api/settings?keymap=vim&sortKey=name'),
  // Text.
  field(
    'systemPrompt',
    'You are a friendly support bot for Acme. Answer briefly and hand over when unsure.',
    'textarea',
  ),
  field('signature', 'Best regards,\nThe Acme support team', 'textarea'),
  field('greeting', 'Hi {{name}}, thanks for reaching out!'),
  entry('description', 'Nightly export of tickets to the data warehouse (runs at 03:00 UTC).'),
  entry('notes', 'Order 4111 shipped on 2024-03-01, invoice 2024-0042.'),
  entry('code', 'EUR'),
  entry('languageCode', 'fr'),
  entry('snippet', 'console.log("hello")'),
  // Harder ones: ids and public keys that look random, numbers near card shapes, names near secret names.
  entry('docId', 'Xk9pL2mQ8rT4vW7yZ3bN'),
  entry('botId', 'k57f8a9b2c3d4e5f6g7h8j9k0m1n2p3q'),
  entry('priceId', 'price_1MoBy5LkdIwHu7ixZhnattbh'),
  entry('commitSha', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'),
  entry('guildId', '312345678901234567'),
  entry('awsAccountId', '123456789012'),
  entry('roleArn', 'arn:aws:iam::123456789012:role/deploy'),
  entry('bucket', 'acme-prod-exports-2024'),
  entry('sentryDsn', 'https://3f2b1c4e8a9d4e6f@o123456.ingest.sentry.io/7890'),
  entry('measurementId', 'G-2X7LQ4ZP9K'),
  entry('siteKey', '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI'),
  entry('publishableKey', 'pk_live_51HqLyjWDarjtT1zdp7dcXyZ'),
  entry(
    'vapidPublicKey',
    'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
  ),
  entry(
    'sshPublicKey',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx7nQ2mE5rT8vW1yZ4bC6dF9hJ2kL5nP8qS1tV4wX7z ada@laptop',
  ),
  entry('sshKeyFingerprint', 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8'),
  entry('iban', 'DE89 3704 0044 0532 0130 00'),
  entry('hotline', 'Call 0800 123 4567 or +44 20 7946 0958'),
  entry('ipv6', '2001:db8::8a2e:370:7334'),
  entry('mac', '00:1A:2B:3C:4D:5E'),
  entry('sku', 'SKU-4471-BLK-XL'),
  entry('gitRemote', 'git@github.com:acme/app.git'),
  entry('secretsManagerRegion', 'eu-west-1'),
  entry('otpIssuer', 'Acme Dashboard'),
  entry('tokenType', 'Bearer'),
  entry('passwordResetUrl', 'https://dash.example.com/reset'),
  entry('csrfHeaderName', 'X-CSRF-Token'),
  entry('sessionCookieName', 'sid'),
  entry('webhookSecretHeader', 'X-Hub-Signature-256'),
  entry('tokenizer', 'cl100k_base'),
  entry('login', 'ada'),
  entry('emailSignature', 'Ada Lovelace | Acme | +49 30 12345678'),
  nested(
    'an Idempotency-Key header pair',
    { headers: [{ name: 'Idempotency-Key', value: '9b2f3c1e-77aa-4f0b-8a3d-2c1e5f6a7b8c' }] },
    '9b2f3c1e-77aa-4f0b-8a3d-2c1e5f6a7b8c',
  ),
  nested(
    'a form schema naming a password field',
    { fields: [{ name: 'password', label: 'Password', type: 'password', required: true }] },
    'Password',
  ),
  nested(
    'a data URL',
    { logo: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk' },
    'data:image/png;base64,iVBORw0KGgo',
  ),
  // Nested editor settings and wiki configs.
  nested(
    'Node-RED editor settings',
    { editor: { view: { 'view-grid-size': '20', 'view-show-grid': true, 'view-snap-grid': true } } },
    'view-grid-size',
  ),
  nested(
    'Node-RED palette settings',
    {
      editor: { palette: { 'palette-editor-catalogues': ['https://catalogue.nodered.org/catalogue.json'] } },
    },
    'https://catalogue.nodered.org/catalogue.json',
  ),
  {
    name: 'DokuWiki config[title]',
    keep: 'My Wiki',
    body: `config%5Btitle%5D=${encodeURIComponent('My Wiki')}&config%5Bbreadcrumbs%5D=10`,
  },
  {
    name: 'DokuWiki config[breadcrumbs] field',
    keep: '10',
    field: { name: 'config[breadcrumbs]', value: '10' },
  },
  {
    name: 'DokuWiki config[passcrypt] field',
    keep: 'bcrypt',
    field: { name: 'config[passcrypt]', value: 'bcrypt' },
  },
  nested(
    'Grafana dashboard prefs',
    { theme: 'light', homeDashboardUID: 'kXv9Qm2Lz', timezone: 'browser' },
    'kXv9Qm2Lz',
  ),
  nested('Home Assistant entity', { entity_id: 'light.living_room', brightness: 180 }, 'light.living_room'),
];
