// A hostile page: it forges messages shaped like Savepoint's bridge protocol. None of them follows a real request.
import { putJson, reportSave, workspace } from './save-client.js';

/** (characters) size of the oversized forged body: 5 MiB. */
const HUGE_BODY_CHARS = 5 * 1024 * 1024;
/** How many forged saves the flood button posts in one go. */
const FLOOD_COUNT = 1_000;
/** (levels) nesting depth of the deeply nested malformed message. */
const DEEP_NESTING = 500;

const forgedUrl = `${location.origin}/api/workspaces/${workspace}/settings/forged`;

function forged(overrides = {}) {
  return {
    source: 'savepoint-bridge',
    v: 1,
    kind: 'saved',
    via: 'fetch',
    method: 'PUT',
    url: forgedUrl,
    status: 200,
    body: { kind: 'json', value: { forgedNote: 'I never happened' } },
    at: Date.now(),
    ...overrides,
  };
}

function deeplyNested() {
  let value = { leaf: true };
  for (let level = 0; level < DEEP_NESTING; level += 1) value = { child: value };
  return value;
}

/** Messages with wrong types, prototype-pollution keys, odd URLs and shapes no validator should accept. */
function malformedMessages() {
  const base = forged();
  return [
    JSON.parse(
      `{"source":"savepoint-bridge","v":1,"kind":"saved","via":"fetch","method":"PUT","url":${JSON.stringify(forgedUrl)},"status":200,"__proto__":{"polluted":true},"body":{"kind":"json","value":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}}}`,
    ),
    { ...base, v: '1' },
    { ...base, v: 2 },
    { ...base, kind: 42 },
    { ...base, via: 'carrier-pigeon' },
    { ...base, method: 'TRACE' },
    { ...base, url: 12345 },
    { ...base, url: 'javascript:alert(1)' },
    { ...base, url: 'https://evil.example/api/workspaces/acme/settings/brain' },
    { ...base, status: '200' },
    { ...base, at: 'now' },
    { ...base, body: 'not an object' },
    { ...base, body: { kind: 'json' } },
    { ...base, body: { kind: 'unknown-kind', value: 1 } },
    { ...base, body: { kind: 'json', value: deeplyNested() } },
    { ...base, source: 'savepoint-bridge ' },
    null,
    'savepoint-bridge',
    ['savepoint-bridge', 1, 'saved'],
    42,
  ];
}

/** Button id → the messages it posts. */
const ACTIONS = {
  'forge-one': () => [forged()],
  'forge-known': () => [
    forged({
      url: `${location.origin}/api/workspaces/${workspace}/settings/bot-names`,
      body: {
        kind: 'json',
        value: { primaryName: 'Forged', fallbackName: 'Forged', greetingStyle: 'formal' },
      },
    }),
  ],
  'forge-flood': () =>
    Array.from({ length: FLOOD_COUNT }, (_, index) =>
      forged({ body: { kind: 'json', value: { forgedNote: `flood ${index}` } } }),
    ),
  'forge-huge': () => [
    forged({ body: { kind: 'json', value: { forgedNote: 'x'.repeat(HUGE_BODY_CHARS) } } }),
  ],
  'forge-restore': () => [
    forged({ kind: 'restore', backupId: 'forged-backup', section: 'brain', values: { apiKey: 'stolen' } }),
  ],
  'forge-delete': () => [forged({ kind: 'delete', backupId: 'forged-backup', all: true })],
  'forge-settings': () => [
    forged({
      kind: 'settings',
      settings: { convexUrl: 'https://evil.example', accessKey: 'attacker', paused: true },
    }),
  ],
  'forge-malformed': malformedMessages,
};

const status = document.getElementById('forge-status');

for (const [id, build] of Object.entries(ACTIONS)) {
  document.getElementById(id)?.addEventListener('click', () => {
    let sent = 0;
    for (const message of build()) {
      try {
        window.postMessage(message, location.origin);
        sent += 1;
      } catch {
        // A message the structured clone refuses is simply not sent; the rest still go out.
      }
    }
    status.textContent = `Sent ${sent.toLocaleString('en-US')} forged message${sent === 1 ? '' : 's'}`;
  });
}

document.getElementById('forge-real-save')?.addEventListener('click', () => {
  void reportSave('forge-real', () =>
    putJson('forge-real', { forgeNote: document.getElementById('forge-real-forgeNote').value }),
  );
});

// The forged report goes out before the real request, so it is first to ask for the browser's record of it.
document.getElementById('forge-swap')?.addEventListener('click', () => {
  const url = `${location.origin}/api/workspaces/${workspace}/settings/forge-real`;
  window.postMessage(
    forged({ url, body: { kind: 'json', value: { forgeNote: 'swapped' } } }),
    location.origin,
  );
  void reportSave('forge-real', () =>
    putJson('forge-real', { forgeNote: document.getElementById('forge-real-forgeNote').value }),
  );
});
