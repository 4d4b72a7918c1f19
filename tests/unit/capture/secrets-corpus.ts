/**
 * Hostile capture inputs: each holds one secret that must appear nowhere in the finished snapshot. The inputs are
 * shaped like what dashboards really send (Azure and AWS consoles, Node-RED, Grafana, Home Assistant, CI settings,
 * Kubernetes-style env lists, OAuth redirects), including the 62 cases of the issue 13 security review.
 */

/** A form control on the page, read by `readFields` as the capture script reads it. */
export interface FieldSpec {
  name?: string;
  id?: string;
  label?: string;
  /** `input` type, or `textarea`. */
  type?: string;
  autocomplete?: string;
  value: string;
}

/** One capture: a field on the page (sent as `{ [name]: value }` too), a request body, and/or URLs. */
export interface CaptureInput {
  field?: FieldSpec;
  /** A JSON value, or a string sent as `text` (URL-encoded when it looks so). */
  body?: unknown;
  pageUrl?: string;
  requestUrl?: string;
}

export interface SecretCase extends CaptureInput {
  name: string;
  /** Must not appear in `JSON.stringify(snapshot)`, neither as is nor JSON-, URL- or form-encoded. */
  secret: string;
}

const field = (name: string, secret: string, spec: FieldSpec): SecretCase => ({
  name: `field: ${name}`,
  secret,
  field: spec,
});
const body = (name: string, secret: string, value: unknown): SecretCase => ({
  name: `${typeof value === 'string' ? 'text' : 'JSON'} body: ${name}`,
  secret,
  body: value,
});
const page = (name: string, secret: string, url: string): SecretCase => ({
  name: `page URL: ${name}`,
  secret,
  pageUrl: url,
});
const request = (name: string, secret: string, url: string): SecretCase => ({
  name: `request URL: ${name}`,
  secret,
  requestUrl: url,
});

const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const SB_KEY = 'm3Fq9Lk2Vx8Rt5Yw1Zc7Nb4Hd6Js0Pa3Ge9Ku2Mx5Q=';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEiLCJyb2xlIjoiYWRtaW4ifQ.Xc7pL0d8S3q2v4b6n9m1k5j7h3g2f4d6s8a0p9o7i5u';
const PEM =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';
const GOOGLE_KEY = 'AIzaSyDk3V8qLmP0sR2tU4wX6yZ8aB1cD3eF5gH';
const AMZ_SIG = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

/** Form controls: the names, labels and values a settings page shows. */
const FIELDS: SecretCase[] = [
  field('password input', 'Tr0ub4dor&3x', { name: 'adminPassword', type: 'password', value: 'Tr0ub4dor&3x' }),
  field('text input named password', 'hunter2-Blue', { name: 'password', value: 'hunter2-Blue' }),
  field('pwd', 'pwd-Gr33n-77', { name: 'pwd', value: 'pwd-Gr33n-77' }),
  field('label only: Admin password', 'Sup3r-S3cret!', {
    id: 'f1',
    label: 'Admin password',
    value: 'Sup3r-S3cret!',
  }),
  field('smtp_pass', 'mailpass-2024x', { name: 'smtp_pass', value: 'mailpass-2024x' }),
  field('dotted db.password', 'dbpw-Orange-5', { name: 'db.password', value: 'dbpw-Orange-5' }),
  field('api_key short hex', 'a1b2c3d4e5f6', { name: 'api_key', value: 'a1b2c3d4e5f6' }),
  field('X-Api-Key as a field name', 'k-98765-zyxwv', { name: 'X-Api-Key', value: 'k-98765-zyxwv' }),
  field('sharedKey', 'b64Shared+Key/Value9==', { name: 'sharedKey', value: 'b64Shared+Key/Value9==' }),
  field('hmacKey', 'hmac-Secret-778899', { name: 'hmacKey', value: 'hmac-Secret-778899' }),
  field('env-style STRIPE_KEY', 'rk_demo_shop', { name: 'STRIPE_KEY', value: 'rk_demo_shop' }),
  field('secret_id (Vault AppRole)', '6a174c20-f6de-a53c-74d2-6018fcceff64', {
    name: 'secret_id',
    value: '6a174c20-f6de-a53c-74d2-6018fcceff64',
  }),
  field('recoveryCodes textarea', 'k7x2-m9q4', {
    name: 'recoveryCodes',
    type: 'textarea',
    value: 'k7x2-m9q4\nz8w1-p3r6\nt5y7-u2i9',
  }),
  field('verification_token numeric', '482913', { name: 'verification_token', value: '482913' }),
  field('verification_token on a number input', '551204', {
    name: 'verification_token',
    type: 'number',
    value: '551204',
  }),
  field('auth holding user:password', 'S3cr3tPw77', { name: 'auth', value: 'admin:S3cr3tPw77' }),
  field('key holding a random string', 'AbC123xyz789QRS', { name: 'key', value: 'AbC123xyz789QRS' }),
  field('accountKey', AZURE_KEY, { name: 'accountKey', value: AZURE_KEY }),
  field('ADO.NET connection string', 'Pa55w0rd!Sql', {
    name: 'connectionString',
    value: 'Server=tcp:sql.example.net,1433;Database=app;User ID=sa;Password=Pa55w0rd!Sql;Encrypt=True;',
  }),
  field('Azure storage connection string', AZURE_KEY, {
    name: 'storage',
    value: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`,
  }),
  field('Service Bus connection string', SB_KEY, {
    label: 'Service Bus',
    id: 'sb',
    value: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SB_KEY}`,
  }),
  field('webhook URL with userinfo', 'Hook-Pa55', {
    name: 'webhookUrl',
    value: 'https://relay:Hook-Pa55@hooks.example.com/in',
  }),
  field('redis URL with empty user', 'R3dis-Pass-77', {
    name: 'redisUrl',
    value: 'redis://:R3dis-Pass-77@cache.example.com:6379/0',
  }),
  field('postgres URL', 'pg-S3cret-9', {
    name: 'databaseUrl',
    value: 'postgres://app:pg-S3cret-9@db.example.com/app',
  }),
  field('credentials URL inside prose', 'Adm1n-Pw-55', {
    name: 'notes',
    type: 'textarea',
    value: 'Prod DB is postgres://admin:Adm1n-Pw-55@10.0.0.5/prod, do not share',
  }),
  field('card in prose', '4111 1111 1111 1111', {
    name: 'notes',
    type: 'textarea',
    value: 'Billing card 4111 1111 1111 1111 exp 12/27',
  }),
  field('card with dots', '4242.4242.4242.4242', { name: 'billing', value: '4242.4242.4242.4242' }),
  field('card with dashes in prose', '5555-5555-5555-4444', {
    name: 'memo',
    type: 'textarea',
    value: 'Use 5555-5555-5555-4444 for the renewal.',
  }),
  field('card without separators in prose', '378282246310005', {
    name: 'memo',
    value: 'amex:378282246310005',
  }),
  field('random 20-character key', 'q8Xv2LmN0pRt7sKw9YzA', {
    name: 'integration',
    value: 'q8Xv2LmN0pRt7sKw9YzA',
  }),
  field('random 21-character key', 'Zt4kP9wQ2xR7mN3vB8cL5', {
    name: 'value',
    value: 'Zt4kP9wQ2xR7mN3vB8cL5',
  }),
  field('signature (HMAC, base64)', 'bWFjOmhtYWMtc2lnbmF0dXJlLXZhbHVlMQ', {
    name: 'signature',
    value: 'bWFjOmhtYWMtc2lnbmF0dXJlLXZhbHVlMQ',
  }),
  field('otp_secret base32', 'JBSWY3DPEHPK3PXP', { name: 'otp_secret', value: 'JBSWY3DPEHPK3PXP' }),
  field('totpSeed', 'KRSXG5CTMVRXEZLU', { name: 'totpSeed', value: 'KRSXG5CTMVRXEZLU' }),
  field('Telegram bot token by label', '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', {
    id: 'tg',
    label: 'Bot token',
    value: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  }),
  field('Telegram bot token under a plain name', '987654321:AAFq1w2e3r4t5y6u7i8o9p0aSdFgHjKlZxC', {
    name: 'telegram',
    value: '987654321:AAFq1w2e3r4t5y6u7i8o9p0aSdFgHjKlZxC',
  }),
  field('Discord webhook', 'tKq3m8ZVx1P0Rj7sNb2Lc5Hd9Yf4Wg6Ea', {
    name: 'discord',
    value: 'https://discord.com/api/webhooks/123456789012345678/tKq3m8ZVx1P0Rj7sNb2Lc5Hd9Yf4Wg6Ea',
  }),
  field('JWT in a neutral field', JWT, { name: 'config', value: JWT }),
  field('PEM in sslKey', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', {
    name: 'sslKey',
    type: 'textarea',
    value: PEM,
  }),
  field('AWS secret access key by label', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', {
    id: 'aws2',
    label: 'AWS secret access key',
    value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  }),
  field('AWS access key id', 'AKIAIOSFODNN7EXAMPLE', {
    name: 'aws_access_key_id',
    value: 'AKIAIOSFODNN7EXAMPLE',
  }),
  field(
    'recovery phrase',
    'abandon ability able about above absent absorb abstract absurd abuse access accident',
    {
      id: 'phrase',
      label: 'Recovery phrase',
      type: 'textarea',
      value: 'abandon ability able about above absent absorb abstract absurd abuse access accident',
    },
  ),
  field('pin', '4821', { name: 'pin', value: '4821' }),
  field('cvv', '737', { name: 'cvv', value: '737' }),
  field('ssn', '078-05-1120', { name: 'ssn', value: '078-05-1120' }),
  field('license_key', 'ABCD-EFGH-IJKL-MNOP', { name: 'license_key', value: 'ABCD-EFGH-IJKL-MNOP' }),
  field('client_secret', 'cs-7f9e2d1c8b4a', { name: 'client_secret', value: 'cs-7f9e2d1c8b4a' }),
  field('encryptionKey hex', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', {
    name: 'encryptionKey',
    value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  }),
  field('Google app password with spaces', 'wxyz abcd efgh ijkl', {
    name: 'appPassword',
    value: 'wxyz abcd efgh ijkl',
  }),
  field('passcode', '90210-gate', { name: 'passcode', value: '90210-gate' }),
  field('consumer_secret', 'Xq2w8E4r6T0y', { name: 'consumer_secret', value: 'Xq2w8E4r6T0y' }),
  field('sessionCookie', 's%3AxY7kP2mQ9.vR4tL8', { name: 'sessionCookie', value: 's%3AxY7kP2mQ9.vR4tL8' }),
  field('one-time-code autocomplete', '662901', {
    name: 'code',
    autocomplete: 'one-time-code',
    value: '662901',
  }),
  field('cc-number autocomplete', '4000056655665556', {
    name: 'num',
    autocomplete: 'cc-number',
    value: '4000056655665556',
  }),
  field('aria-less label "Secret"', 'zz-top-secret-99', {
    id: 's9',
    label: 'Secret',
    value: 'zz-top-secret-99',
  }),
  field('webhook signing secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLGpw', {
    name: 'signingSecret',
    value: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLGpw',
  }),
  field('GitHub token in a neutral field', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', {
    name: 'github',
    value: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  }),
  field('Basic header pasted', 'dXNlcjpQYXNzLTk5', { name: 'header', value: 'Basic dXNlcjpQYXNzLTk5' }),
  field('proxy auth user:password', 'Pr0xy-Pass', { name: 'proxyAuth', value: 'squid:Pr0xy-Pass' }),
  field('basicAuth user:password', 'b4sic-Auth-Pw', {
    name: 'basicAuth',
    value: 'ops@acme.io:b4sic-Auth-Pw',
  }),
  field('Grafana service account token', 'glsa_Zk3P8qW2mV5xR9tY1uI4oL7aS0dF6gH_1a2b3c4d', {
    name: 'grafana',
    value: 'glsa_Zk3P8qW2mV5xR9tY1uI4oL7aS0dF6gH_1a2b3c4d',
  }),
  field('Home Assistant long-lived token by label', 'hass-8c1f2e7d9b3a', {
    id: 'ha',
    label: 'Long-lived access token',
    value: 'hass-8c1f2e7d9b3a',
  }),
];

/** JSON request bodies: nested, in arrays, as name/value pairs, JSON inside strings. */
const BODIES: SecretCase[] = [
  body('name/value header pair', 'k1-abc-7788', { headers: [{ name: 'X-Api-Key', value: 'k1-abc-7788' }] }),
  body('key/value env pair', 'pw-Env-2231', { env: [{ key: 'DATABASE_PASSWORD', value: 'pw-Env-2231' }] }),
  body('Name/Value pair, capitalised', 'dXNlcjpwYXNzd29yZA', {
    params: [{ Name: 'Authorization', Value: 'Basic dXNlcjpwYXNzd29yZA' }],
  }),
  body('k8s env list', 'tok_8f7e6d5c4b3a', {
    containers: [
      {
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'API_TOKEN', value: 'tok_8f7e6d5c4b3a' },
        ],
      },
    ],
  }),
  // An environment variable named after a service's key holds that key, whatever its value looks like.
  body('env pair STRIPE_KEY, a test key', 'rk_test_abc', {
    env: [{ name: 'STRIPE_KEY', val: 'rk_test_abc' }],
  }),
  body('env pair SENDGRID_KEY, words', 'SG.mail.relay', {
    env: [{ key: 'SENDGRID_KEY', value: 'SG.mail.relay' }],
  }),
  body('env map MAILGUN_KEYS', 'key-primary', { environment: { MAILGUN_KEYS: 'key-primary' } }),
  body('id/val pair', 'smtp-Pw-4410', { settings: [{ id: 'smtp_password', val: 'smtp-Pw-4410' }] }),
  body('label/data pair', 'api-Secret-5521', { config: [{ label: 'API secret', data: 'api-Secret-5521' }] }),
  body('field/content pair', 'c0ntent-Pw', { fields: [{ field: 'password', content: 'c0ntent-Pw' }] }),
  body('header/value pair', 'hdr-tok-90210', {
    extraHeaders: [{ header: 'X-Auth-Token', value: 'hdr-tok-90210' }],
  }),
  body('k/v pair', 'kv-Secret-331', { pairs: [{ k: 'secret', v: 'kv-Secret-331' }] }),
  body('pair with a key: "X-Api-Key" and a value', 'xak-55aa66bb', {
    integrations: { webhook: { headers: [{ key: 'X-Api-Key', value: 'xak-55aa66bb', enabled: true }] } },
  }),
  body('headers object', 'hdr-Obj-Key-42', {
    headers: { 'X-Api-Key': 'hdr-Obj-Key-42', Accept: 'application/json' },
  }),
  body('password in a JSON string', 'pw-in-json-1', { config: '{"password":"pw-in-json-1"}' }),
  body('nested password in a JSON string', 'pw-in-json-2', {
    payload: '{"db":{"user":"app","password":"pw-in-json-2"},"pool":5}',
  }),
  body('token in a double-encoded JSON string', 'tok-double-77', {
    data: JSON.stringify(JSON.stringify({ token: 'tok-double-77' })),
  }),
  body('pair list in a JSON string', 'pair-in-json-9', {
    flowVars: JSON.stringify([{ name: 'apiKey', value: 'pair-in-json-9' }]),
  }),
  body('Node-RED credentials in a flow', 'nr-Cred-Pw-1', {
    flows: [
      {
        id: 'a1',
        type: 'mqtt-broker',
        broker: 'mqtt.example.com',
        credentials: { user: 'u', password: 'nr-Cred-Pw-1' },
      },
    ],
  }),
  body('deeply nested smtpPassword', 'deep-Pw-6', {
    a: { b: { c: { d: { e: { smtpPassword: 'deep-Pw-6' } } } } },
  }),
  body('pass in an array of users', 'arr-Pass-8', { users: [{ name: 'ada', pass: 'arr-Pass-8' }] }),
  body('auth: user:password', 'mqtt-Pw-303', { broker: 'mqtt.example.com', auth: 'iot:mqtt-Pw-303' }),
  body('auth: base64 basic', 'aW90Om1xdHQtUHctMzAz', { auth: 'aW90Om1xdHQtUHctMzAz' }),
  body('key: random', 'Kx9mP2vQ8rT4', { provider: 'maps', key: 'Kx9mP2vQ8rT4wZ7y' }),
  body('sharedKey in body', 'shK-2b7f9e1d', { sharedKey: 'shK-2b7f9e1d' }),
  body('hmacKey in body', 'hmacK-41aa', { webhook: { hmacKey: 'hmacK-41aa' } }),
  body('secret_id in body', 'b7d2f1c0-3e4a-5b6c-7d8e-9f0a1b2c3d4e', {
    approle: {
      role_id: 'db02de05-fa39-4855-059b-67221c5c2f63',
      secret_id: 'b7d2f1c0-3e4a-5b6c-7d8e-9f0a1b2c3d4e',
    },
  }),
  body('recoveryCodes array', 'q3w5-e7r9', { recoveryCodes: ['q3w5-e7r9', 'a2s4-d6f8'] }),
  body('backup_codes array', '88213547', { backup_codes: ['88213547', '90317264'] }),
  body('verification_token number', '804113', { verification_token: 804113 }),
  body('verification_token string', '713380', { verification_token: '713380' }),
  body('reset token', 'rst-9a8b7c', { resetToken: 'rst-9a8b7c' }),
  body('ADO.NET connection string', 'Sql-Pw-2025!', {
    db: { connectionString: 'Data Source=sql01;Initial Catalog=App;User Id=app;Password=Sql-Pw-2025!;' },
  }),
  body('Azure storage connection string', AZURE_KEY, {
    storage: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`,
  }),
  body('Service Bus connection string', SB_KEY, {
    bus: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SB_KEY};EntityPath=q1`,
  }),
  body('MySQL connection string with Pwd', 'my-Pwd-41', {
    dsn: 'Server=db;Port=3306;Uid=root;Pwd=my-Pwd-41;',
  }),
  body('SAS connection string', 'sv=2022&sig=AbCdEfGh1234567890', {
    blob: 'BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022&sig=AbCdEfGh1234567890',
  }),
  body('Redis StackExchange string', 'redis-Pw-88', {
    cache: 'cache.example.com:6380,password=redis-Pw-88,ssl=True',
  }),
  body('AccountKey as a key', AZURE_KEY, { AccountName: 'acme', AccountKey: AZURE_KEY }),
  body('URL with userinfo', 'hook-Pw-12', { webhook: 'https://bot:hook-Pw-12@hooks.example.com/x' }),
  body('mongodb+srv URL', 'mongo-Pw-5', { mongo: 'mongodb+srv://app:mongo-Pw-5@cluster0.example.net/db' }),
  body('amqp URL', 'rabbit-Pw-3', { broker: 'amqp://guest:rabbit-Pw-3@mq.example.com:5672/' }),
  body('redis URL with empty user', 'redis-Pw-99', { cache: 'redis://:redis-Pw-99@cache:6379' }),
  body('URL with userinfo in prose', 'ftp-Pw-44', {
    notes: 'Upload to ftp://deploy:ftp-Pw-44@files.example.com nightly',
  }),
  body('URL with token query', 'hook-tok-abc123', {
    webhook: 'https://example.com/hook?token=hook-tok-abc123',
  }),
  body('URL with sig query', 'sigAbC123dEf456gHi', {
    callback: 'https://example.com/cb?sig=sigAbC123dEf456gHi',
  }),
  body('URL with key query', GOOGLE_KEY, {
    mapsUrl: `https://maps.googleapis.com/maps/api/js?key=${GOOGLE_KEY}`,
  }),
  body('URL with a random key query', 'r4nd0mK3yV4lu3xx', {
    feed: 'https://api.example.com/feed?key=r4nd0mK3yV4lu3xx',
  }),
  body('presigned S3 URL', AMZ_SIG, {
    exportUrl: `https://bucket.s3.amazonaws.com/x.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${AMZ_SIG}`,
  }),
  body('bare user:password value', 'Adm1n-Passw0rd', { login: 'admin:Adm1n-Passw0rd' }),
  body('bare e-mail:password value', 'M4il-Pw-77', { smtp: { auth: 'alerts@acme.io:M4il-Pw-77' } }),
  body('card with dots', '4111.1111.1111.1111', { payment: { number: '4111.1111.1111.1111' } }),
  body('card in prose', '4242424242424242', { comment: 'charge 4242424242424242 monthly' }),
  body('card number as a number', '5105105105105100', { billing: { cc: 5105105105105100 } }),
  body('random 20-character key', 'Lq7Wm2Xp9Rz4Tn8Vb3Kd', { relay: 'Lq7Wm2Xp9Rz4Tn8Vb3Kd' }),
  body('random 22-character key under a neutral name', 'uJ8nB5vC2xZ9lK6jH3gF1d', {
    clientKey: 'uJ8nB5vC2xZ9lK6jH3gF1d',
  }),
  body('random base64 key', 'p9Vt+3kQ/xW7mZ2rL5nB8cY=', { value: 'p9Vt+3kQ/xW7mZ2rL5nB8cY=' }),
  body('JWT nested in an array', JWT, { sessions: [{ device: 'mac', note: JWT }] }),
  body('PEM in a body', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', { deploy: { sshKey: PEM } }),
  body('auth token in headers map', 'tkn-77aa88bb', { headers: { Authorization: 'Bearer tkn-77aa88bb' } }),
  body('bearer value under a neutral name', 'abcDEF123456ghiJKL', { upstream: 'Bearer abcDEF123456ghiJKL' }),
  body('Stripe secret key', 'sk_live_51HqLyjWDarjtT1zdp7dcXyZ', {
    stripe: { live: 'sk_live_51HqLyjWDarjtT1zdp7dcXyZ' },
  }),
  body('Slack bot token', 'xoxb-2048-4096-Zq8Wx7Ec6Rv5Tb', {
    slack: { bot: 'xoxb-2048-4096-Zq8Wx7Ec6Rv5Tb' },
  }),
  body('OpenAI key in a list', 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12', {
    keys: ['sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12'],
  }),
  body('Anthropic key', 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3', {
    anthropic: 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3',
  }),
  body('GitLab token', 'glpat-xY7zW3vU2tS1rQ9pO8nM', { gitlab: 'glpat-xY7zW3vU2tS1rQ9pO8nM' }),
  body('npm token', 'npm_Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5', {
    registry: 'npm_Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5',
  }),
  body('SendGrid key', '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', {
    mail: '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',
  }),
  body('token pasted in prose', 'ghp_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa', {
    description: 'ci uses ghp_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa for pushes',
  }),
  body('key that is itself a token', JWT, { sessions: { [JWT]: { device: 'mac' } } }),
  body('secret under "secrets" map', 'vault-Val-123', { secrets: { DB: 'vault-Val-123' } }),
  body('private key path-like name with key value', 'privK3y-Val-9', {
    signing: { privateKey: 'privK3y-Val-9' },
  }),
  body('otp code', '551177', { mfa: { otp: '551177' } }),
  body('mfa_code', '123987', { mfa_code: '123987' }),
  body('cvc in a card object', '4242', { card: { number: '4242 4242 4242 4242', cvc: '4242' } }),
  body('secretKey', 'sKey-0o9i8u7y', {
    recaptcha: { siteKey: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI', secretKey: 'sKey-0o9i8u7y' },
  }),
  body('password confirmation', 'conf-Pw-611', { password_confirmation: 'conf-Pw-611' }),
  body('passphrase for a key', 'correct-horse-77', { gpg: { passphrase: 'correct-horse-77' } }),
  body('webhook secret', 'wh-Secret-8080', {
    webhook: { url: 'https://example.com/h', secret: 'wh-Secret-8080' },
  }),
  body('client secret in an OAuth provider list', 'oidc-Cs-4r5t', {
    providers: [{ type: 'oidc', clientId: 'dashboard', clientSecret: 'oidc-Cs-4r5t' }],
  }),
  body('ingest key', 'ingK-7ygv6tfc', { telemetry: { ingestKey: 'ingK-7ygv6tfc' } }),
  body('writeKey (Segment)', 'wrK9Zx8Yv7Wu6', { analytics: { writeKey: 'wrK9Zx8Yv7Wu6' } }),
  body('apiSecret', 'as-1q2w3e4r', { apiSecret: 'as-1q2w3e4r' }),
  body('access key under AWS-style name', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLE', {
    aws: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLE' },
  }),
  body('session id value', 'sess-4f3e2d1c', { session_id: 'sess-4f3e2d1c' }),
  body('cookie header value', 'sid=Qm9iIFNtaXRo', { cookie: 'sid=Qm9iIFNtaXRo; theme=dark' }),
  body('signature field', 'MEUCIQDx7k', {
    request: { signature: 'MEUCIQDx7kP0+vR2tY4uI6oP8aS0dF2gH4jK6lZ8xC0vB2nM' },
  }),
  body('salt', 'sAlT-9x8c7v6b', { hashids: { salt: 'sAlT-9x8c7v6b' } }),
  body('encryption key as a number array', '9137', { encryptionKey: [9137, 2217, 6006] }),
  body('credentials object', 'cr-Pw-91', { credentials: { username: 'a', password: 'cr-Pw-91' } }),
  body('a bare top-level token string', 'xoxp-1111-2222-Zz9Yy8Xx7Ww6', 'xoxp-1111-2222-Zz9Yy8Xx7Ww6'),
  body('a body that is a list of pairs', 'list-pair-Pw-1', [
    { name: 'host', value: 'smtp.example.com' },
    { name: 'password', value: 'list-pair-Pw-1' },
  ]),
];

/** URL-encoded bodies, as form posts and some XHR saves send them. */
const FORMS: SecretCase[] = [
  body('form password', 'form-Pw-1', 'user=ada&password=form-Pw-1'),
  body('form key and sig', 'frmSig9x8y7z6w5v', 'key=frmKey1a2b3c4d5e&sig=frmSig9x8y7z6w5v'),
  body('form key', 'frmKey1a2b3c4d5e', 'key=frmKey1a2b3c4d5e&sig=frmSig9x8y7z6w5v'),
  body('form auth user:password', 'frm-Auth-Pw', 'auth=admin%3Afrm-Auth-Pw&mode=basic'),
  body(
    'form client_secret',
    'frm-cs-6677',
    'client_id=dash&client_secret=frm-cs-6677&grant_type=client_credentials',
  ),
  body('DokuWiki-style config[password]', 'dw-Pw-1', 'config%5Btitle%5D=Wiki&config%5Bpassword%5D=dw-Pw-1'),
  body('DokuWiki-style conf[authtoken]', 'dw-tok-2', 'conf%5Btitle%5D=Wiki&conf%5Bauthtoken%5D=dw-tok-2'),
  body('JSON in a form field', 'json-in-form-1', `data=${encodeURIComponent('{"token":"json-in-form-1"}')}`),
  body(
    'connection string in a form field',
    'form-Sql-Pw',
    `db=${encodeURIComponent('Server=x;Database=y;User Id=u;Password=form-Sql-Pw;')}`,
  ),
  body(
    'URL with credentials in a form field',
    'form-Url-Pw',
    `upstream=${encodeURIComponent('https://u:form-Url-Pw@up.example.com')}`,
  ),
  body('card number in a form field', '6011111111111117', 'amount=10&card=6011111111111117'),
  body('OTP in a form field', '301122', 'step=2&verification_code=301122'),
  body('csrf token in a form', 'csrf-9a8b7c6d5e', 'csrfmiddlewaretoken=csrf-9a8b7c6d5e&name=Ada'),
  body('random key in a form', 'Fm7Kp2Wq9Zx4Rt8Yv3Nb', 'relay=Fm7Kp2Wq9Zx4Rt8Yv3Nb&x=1'),
];

/** Page and request URLs: OAuth redirects, presigned links, keys in query strings. */
const URLS: SecretCase[] = [
  page(
    'OAuth code on the page URL',
    'SplxlOBeZQQYbYS6WxSbIA',
    'https://dash.example.com/settings?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj',
  ),
  page(
    'Google OAuth code',
    '4/0AX4XfWjQ8rT2mN5vB8cL1kJ7hG3fD9sA0pO6iU',
    'https://dash.example.com/cb?code=4/0AX4XfWjQ8rT2mN5vB8cL1kJ7hG3fD9sA0pO6iU&scope=email',
  ),
  page('sig on the page URL', 'pAgEsIg7788zz', 'https://dash.example.com/share?id=12&sig=pAgEsIg7788zz'),
  page('key on the page URL', 'pgKey55Ab3Cd9', 'https://dash.example.com/embed?key=pgKey55Ab3Cd9'),
  page('userinfo on the page URL', 'page-Pw-3', 'https://ada:page-Pw-3@dash.example.com/settings'),
  page(
    'access_token in the fragment',
    'frag-tok-1a2b3c',
    'https://dash.example.com/#access_token=frag-tok-1a2b3c&token_type=bearer',
  ),
  page(
    'token as a path segment after /t/',
    'ghp_Pq9Rs8Tu7Vw6Xy5Za4Bc3De2Fg1Hi0JkLmNo',
    'https://dash.example.com/t/ghp_Pq9Rs8Tu7Vw6Xy5Za4Bc3De2Fg1Hi0JkLmNo/settings',
  ),
  page('JWT in a query param named t', JWT, `https://dash.example.com/settings?t=${JWT}`),
  page('auth on the page URL', 'pgAuth-7Zq', 'https://dash.example.com/settings?auth=pgAuth-7Zq3Wx'),
  page(
    'Azure SAS sig on the page URL',
    'lT6aL2oO4pD1cM9aZ8QwErTy%2BUiOp%3D',
    'https://acme.blob.core.windows.net/c/f.json?sv=2022-11-02&sp=r&se=2030-01-01&sig=lT6aL2oO4pD1cM9aZ8QwErTy%2BUiOp%3D',
  ),
  request(
    'X-Amz-Signature',
    AMZ_SIG,
    `/api/upload?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Signature=${AMZ_SIG}`,
  ),
  request(
    'X-Amz-Credential',
    'AKIAIOSFODNN7EXAMPLE',
    '/api/upload?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1%2Fs3%2Faws4_request',
  ),
  request(
    'X-Amz-Security-Token',
    'FwoGZXIvYXdzEJr',
    '/api/upload?X-Amz-Security-Token=FwoGZXIvYXdzEJrSecurityToken123',
  ),
  request(
    'X-Goog-Signature',
    'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    '/api/u?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=a1b2c3d4e5f60718293a4b5c6d7e8f90',
  ),
  request('sig', 'rQsIg0o9i8u7', '/api/settings?sig=rQsIg0o9i8u7&v=2'),
  request('signature', 'c2lnbmF0dXJlLWJ5dGVz', '/api/settings?signature=c2lnbmF0dXJlLWJ5dGVz'),
  request('code', 'AuthCode8x7y6z', '/oauth/callback?code=AuthCode8x7y6z&state=1'),
  request('key', 'rqKey9q8w7e6r', '/api/settings?key=rqKey9q8w7e6r'),
  request('api_key', 'api-k-33', '/api/settings?api_key=api-k-33'),
  request('apikey', 'ak77zz88yy', '/api/settings?apikey=ak77zz88yy'),
  request(
    'private_token (GitLab)',
    'glpat-Q1w2E3r4T5y6U7i8O9p0',
    '/api/v4/projects?private_token=glpat-Q1w2E3r4T5y6U7i8O9p0',
  ),
  request(
    'hmac (Shopify)',
    '4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20',
    '/app?shop=a.myshopify.com&hmac=4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20',
  ),
  request('password in query', 'qs-Pw-909', '/api/login?user=ada&password=qs-Pw-909'),
  request('access_key', 'acc-Key-11', '/api/settings?access_key=acc-Key-11'),
  request('userinfo on the request URL', 'rq-Pw-77', 'https://svc:rq-Pw-77@api.example.com/settings'),
  request('auth param', 'rqAuth-5Tg', '/api/settings?auth=rqAuth-5Tg6Yh'),
  request('Google key', GOOGLE_KEY, `/maps/api/geocode/json?address=x&key=${GOOGLE_KEY}`),
  request(
    'token in a nested redirect URL',
    'nested-Tok-42',
    `/api/settings?next=${encodeURIComponent('https://x.example.com/?token=nested-Tok-42')}`,
  ),
  request(
    'session in the path (;jsessionid)',
    'A1B2C3D4E5F6A7B8C9D0',
    '/app/settings;jsessionid=A1B2C3D4E5F6A7B8C9D0?x=1',
  ),
  request(
    'Telegram bot token in the path',
    '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    'https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/setWebhook',
  ),
];

/** Secrets inside text that holds settings of its own: dotenv, YAML, npmrc, curl lines, notes. */
const TEXTS: SecretCase[] = [
  field('GCP service account JSON', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', {
    name: 'serviceAccount',
    type: 'textarea',
    value: JSON.stringify({
      type: 'service_account',
      private_key_id: '1a2b3c4d',
      private_key:
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
      client_email: 'bot@acme.iam.gserviceaccount.com',
    }),
  }),
  field('npmrc auth token', 'npm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNn', {
    name: 'npmrc',
    type: 'textarea',
    value: '//registry.npmjs.org/:_authToken=npm_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNn',
  }),
  field('dotenv lines', 'envSecret-991', {
    name: 'environment',
    type: 'textarea',
    value: 'PORT=3000\nLOG_LEVEL=info\nAPI_SECRET=envSecret-991\n',
  }),
  field('YAML block', 'yamlPw-55', {
    name: 'config',
    type: 'textarea',
    value: 'smtp:\n  host: mail.example.com\n  port: 587\n  password: yamlPw-55\n',
  }),
  field('INI block', 'iniTok-3k4j5h', {
    name: 'settings',
    type: 'textarea',
    value: '[upstream]\nurl = https://api.example.com\ntoken = iniTok-3k4j5h\n',
  }),
  field('curl command with a bearer token', 'abc123def456ghi789', {
    name: 'healthCheck',
    type: 'textarea',
    value: "curl -H 'Authorization: Bearer abc123def456ghi789' https://api.example.com/health",
  }),
  field('password told in a note', 'Hunter2-Prod!', {
    name: 'notes',
    type: 'textarea',
    value: 'The admin password is Hunter2-Prod! (rotate monthly)',
  }),
  field('mqtts URL with credentials', 'mqttPw-88', {
    name: 'broker',
    value: 'mqtts://device01:mqttPw-88@broker.example.com:8883',
  }),
  field('percent-encoded password in a URL', 'pa%24%24word-1', {
    name: 'smtpUrl',
    value: 'smtp://user%40example.com:pa%24%24word-1@smtp.example.com:465',
  }),
  body('header tuples (fetch Headers init)', 'tupleKey-4411', {
    headers: [
      ['Accept', 'application/json'],
      ['X-Api-Key', 'tupleKey-4411'],
    ],
  }),
  body('GraphQL input', 'gqlTok-7c8d9e', {
    operationName: 'UpdateSettings',
    variables: { input: { slackWebhookToken: 'gqlTok-7c8d9e' } },
  }),
  body('Wi-Fi pre-shared key', 'wifiPass-123', { wifi: { ssid: 'Acme', psk: 'wifiPass-123' } }),
  body('VPN presharedKey', 'vpnPsk-77aa', { vpn: { peer: '203.0.113.7', presharedKey: 'vpnPsk-77aa' } }),
  body('pass_phrase', 'correct horse battery staple', {
    gpg: { pass_phrase: 'correct horse battery staple' },
  }),
  body('otpauth URL', 'JBSWY3DPEHPK3PXQ', {
    mfa: { uri: 'otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXQ&issuer=Acme' },
  }),
  body('dotenv in a body string', 'bodyEnv-Pw-2', { env: 'NODE_ENV=production\nDB_PASSWORD=bodyEnv-Pw-2' }),
];

export const SECRET_CASES: SecretCase[] = [...FIELDS, ...BODIES, ...FORMS, ...URLS, ...TEXTS];
