// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { contentHash } from '../../../lib/capture/canonical-json';
import { findSection } from '../../../lib/page/dom/find-section';
import { finishSnapshot } from '../../../lib/capture/finish-snapshot';
import { LEFT_OUT, MAX_VALUE_CHARS } from '../../../lib/capture/limits';
import { readFields } from '../../../lib/page/dom/read-fields';
import { secretHash } from '../../../lib/capture/secret-hash';
import { sha256Hex } from '../../../lib/capture/sha256-hex';
import { MAX_FIELD_VALUE_CHARS, snapshotSchema } from '../../../lib/capture/snapshot';
import type { RawField } from '../../../lib/capture/snapshot-draft';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { capture, overTheWire } from '../support/capture-path';
import { DEMO_DASHBOARD, mount } from './demo-dashboard';

const SALT = 'salt-1';
const PAGE = 'https://dash.example.com/acme/settings';
const API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';

describe('capture on the demo dashboard (page draft → finished in the background)', () => {
  it('captures Bot names saved by fetch PUT', async () => {
    const container = findSection(mount(DEMO_DASHBOARD, '#save-bot-names'));
    const { snapshot } = await capture(
      {
        container,
        pageUrl: PAGE,
        trigger: { kind: 'fetch', submitter: { label: 'Save', inputType: 'button' } },
        request: {
          method: 'PUT',
          url: '/api/workspaces/acme/settings/bot-names',
          bodyKind: 'json',
          body: { primaryName: 'Ada', fallbackName: 'Bob', greetingStyle: 'friendly' },
        },
      },
      { salt: SALT },
    );
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ type: 'bot-names', title: 'Bot names', pageUrl: PAGE, leftOut: [] });
    expect(snapshot.fields.map((f) => [f.key, f.value])).toEqual([
      ['primaryName', 'Ada'],
      ['fallbackName', 'Bob'],
      ['greetingStyle', 'friendly'],
    ]);
    expect(snapshot.request?.body).toEqual({
      primaryName: 'Ada',
      fallbackName: 'Bob',
      greetingStyle: 'friendly',
    });
  });

  it('captures the Intern form post by its action', async () => {
    const { snapshot } = await capture(
      { container: mount(DEMO_DASHBOARD, 'form[action]'), pageUrl: PAGE, trigger: { kind: 'form' } },
      { salt: SALT },
    );
    expect(snapshot.type).toBe('intern');
    expect(snapshot.request).toBeUndefined();
    expect(snapshot.fields.find((f) => f.key === 'reviewMode')).toMatchObject({
      value: 'sometimes',
      label: 'Review mode',
    });
    expect(snapshot.fields.every((f) => !f.secret)).toBe(true);
  });

  it('leaves the Brain API key out of fields and body, keeping a salted hash', async () => {
    const { snapshot } = await capture(
      {
        container: mount(DEMO_DASHBOARD, '#brain-form'),
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: {
          method: 'put',
          url: '/api/workspaces/acme/settings/brain',
          bodyKind: 'json',
          // What the demo's Brain form really sends (demo/public/settings.js): the body is the save's truth.
          body: {
            model: 'claude-3-5-sonnet',
            temperature: 0.7,
            systemPrompt: 'You are a friendly assistant.',
            apiKey: API_KEY,
          },
        },
      },
      { salt: SALT },
    );
    expect(snapshot.type).toBe('brain');
    expect(snapshot.request?.method).toBe('PUT');
    const apiKey = snapshot.fields.find((f) => f.key === 'apiKey');
    expect(apiKey).toMatchObject({
      value: null,
      secret: { hash: await secretHash(SALT, 'apiKey', API_KEY), reason: 'input-type:password' },
    });
    expect(snapshot.request?.body).toMatchObject({ apiKey: LEFT_OUT });
    expect(snapshot.leftOut).toEqual(['apiKey']);
    expect(JSON.stringify(snapshot)).not.toContain(API_KEY);
    expect(snapshot.fields.find((f) => f.key === 'systemPrompt')?.value).toMatch(/^You are a friendly/);
  });

  it('hashes an empty secret too, so clearing it shows as a change', async () => {
    const container = mount('<form><h2>Brain</h2><input type="password" name="apiKey"></form>', 'form');
    const input = { container, pageUrl: PAGE, trigger: { kind: 'manual' as const } };
    const { snapshot: empty } = await capture(input, { salt: SALT });
    (container.querySelector('input') as HTMLInputElement).value = 'secret-value';
    const { snapshot: set } = await capture(input, { salt: SALT });
    expect(empty.fields[0]).toMatchObject({
      value: null,
      secret: { hash: await secretHash(SALT, 'apiKey', '') },
    });
    expect(set.fields[0]?.secret?.hash).not.toBe(empty.fields[0]?.secret?.hash);
    expect(await contentHash(set)).not.toBe(await contentHash(empty));
  });

  it('gives identical saves the same content hash, whatever the page URL', async () => {
    const container = mount(DEMO_DASHBOARD, '#brain-form');
    const { snapshot: a } = await capture(
      { container, pageUrl: PAGE, trigger: { kind: 'form' } },
      { salt: SALT },
    );
    const { snapshot: b } = await capture(
      { container, pageUrl: `${PAGE}?tab=2`, trigger: { kind: 'manual' } },
      { salt: SALT },
    );
    expect(await contentHash(a)).toBe(await contentHash(b));
  });

  it('honours the user list and a type hint', async () => {
    const { snapshot } = await capture(
      {
        container: findSection(mount(DEMO_DASHBOARD, '#save-bot-names')),
        pageUrl: PAGE,
        trigger: { kind: 'manual' },
      },
      { salt: SALT, extraLeftOut: ['Fallback bot name'], typeHint: 'Bot Names!' },
    );
    expect(snapshot.type).toBe('bot-names');
    expect(snapshot.fields.find((f) => f.key === 'fallbackName')).toMatchObject({
      value: null,
      secret: { reason: 'user-rule' },
    });
    expect(snapshot.leftOut).toEqual(['fallbackName']);
  });

  it('leaves tokens out of the page and request URLs', async () => {
    const { snapshot } = await capture(
      {
        container: mount('<form><input name="a" value="1"></form>', 'form'),
        pageUrl: 'https://user:pw@dash.example.com/settings?access_token=abc123#id_token=xyz',
        trigger: { kind: 'fetch' },
        request: { method: 'POST', url: '/api/settings/alerts?api_key=k1&page=2', bodyKind: 'none' },
      },
      { salt: SALT },
    );
    expect(snapshot.pageUrl).toBe(
      'https://dash.example.com/settings?access_token=%5Bleft+out%5D#id_token=%5Bleft+out%5D',
    );
    expect(snapshot.request?.url).toBe('/api/settings/alerts?api_key=%5Bleft+out%5D&page=2');
    expect(snapshot.leftOut).toEqual([
      'page:credentials',
      'page?access_token',
      'page#id_token',
      'url?api_key',
    ]);
  });

  it('drops a request whose method cannot save', async () => {
    const { snapshot } = await capture(
      {
        container: mount('<form><input name="a"></form>', 'form'),
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: { method: 'GET', url: '/x', bodyKind: 'none' },
      },
      { salt: SALT },
    );
    expect(snapshot.request).toBeUndefined();
  });

  it('takes what the request sent over what the page shows now, never for a secret', async () => {
    const container = mount(
      '<form><input name="name" value="typed later"><input type="password" name="pin" value="1234"></form>',
      'form',
    );
    const { snapshot } = await capture(
      {
        container,
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: {
          method: 'PUT',
          url: '/api/settings/s',
          bodyKind: 'json',
          body: { name: 'sent', pin: '9' },
        },
      },
      { salt: SALT },
    );
    expect(snapshot.fields.map((f) => [f.key, f.value])).toEqual([
      ['name', 'sent'],
      ['pin', null],
    ]);
  });

  it('uses the same value limit as the snapshot schema', () => {
    expect(MAX_VALUE_CHARS).toBe(MAX_FIELD_VALUE_CHARS);
  });
});

describe('the page-side draft', () => {
  it.each([
    ['a password field', '<input type="password" name="p" value="Pw-hunter2-secret">', 'Pw-hunter2-secret'],
    ['current-password', '<input name="p" autocomplete="current-password" value="Cur-Pw-1">', 'Cur-Pw-1'],
    ['new-password', '<input name="p" autocomplete="new-password" value="New-Pw-22">', 'New-Pw-22'],
    ['one-time-code', '<input name="p" autocomplete="one-time-code" value="482913">', '482913'],
    [
      'cc-number',
      '<input name="p" autocomplete="billing cc-number" value="4111111111111111">',
      '4111111111111111',
    ],
    ['cc-csc', '<input name="p" autocomplete="CC-CSC" value="737">', '737'],
    [
      'a secret-autocomplete textarea',
      '<textarea name="p" autocomplete="cc-name">Ada Lovelace</textarea>',
      'Ada Lovelace',
    ],
  ])('never carries the plain value of %s, only its digest', async (_name, html, value) => {
    const draft = await buildDraft({
      container: mount(`<form><input name="other" value="kept">${html}</form>`, 'form'),
      pageUrl: PAGE,
      trigger: { kind: 'manual' },
    });
    expect(JSON.stringify(draft)).not.toContain(value);
    expect(draft.section?.fields.find((f) => f.key === 'p')).toMatchObject({
      value: await sha256Hex(value),
      digested: true,
    });
    expect(draft.section?.fields.find((f) => f.key === 'other')).toMatchObject({ value: 'kept' });
    expect(draft.section?.fields.find((f) => f.key === 'other')?.digested).toBeUndefined();
    const snapshot = await finishSnapshot(overTheWire(draft), { salt: SALT });
    expect(snapshot.fields.find((f) => f.key === 'p')).toMatchObject({
      value: null,
      secret: { hash: await secretHash(SALT, 'p', value) },
    });
  });

  it('carries neither salt nor left-out list, and passes the schema the background checks', async () => {
    const draft = await buildDraft({
      container: mount(DEMO_DASHBOARD, '#brain-form'),
      pageUrl: PAGE,
      trigger: { kind: 'manual' },
    });
    expect(overTheWire(draft)).toEqual(JSON.parse(JSON.stringify(draft)));
    expect(Object.keys(draft).sort()).toEqual(['pageUrl', 'section', 'trigger']);
  });

  it('is refused when it is larger than the schema allows', () => {
    const field = readFields(mount('<form><input name="a" value="1"></form>', 'form'))[0]!;
    const draft = { pageUrl: PAGE, trigger: { kind: 'manual' as const } };
    const section = (fields: RawField[]) => ({ ...draft, section: { type: 's', title: 'S', fields } });
    expect(() => overTheWire(section(Array.from({ length: 1000 }, () => field)))).not.toThrow();
    expect(() => overTheWire(section(Array.from({ length: 1001 }, () => field)))).toThrow();
    expect(() => overTheWire(section([{ ...field, value: 'x'.repeat(MAX_VALUE_CHARS + 1) }]))).toThrow();
    expect(() =>
      overTheWire({
        ...draft,
        request: { method: 'PUT', url: '/a', bodyKind: 'text', body: 'x'.repeat(300_000) },
      }),
    ).toThrow();
  });

  it('treats a field flagged as digested as a secret, whatever its name and type', async () => {
    const draft = await buildDraft({
      container: mount('<form><input name="colour" value="blue"></form>', 'form'),
      pageUrl: PAGE,
      trigger: { kind: 'manual' },
    });
    const [field] = draft.section!.fields;
    const forged = {
      ...draft,
      section: { ...draft.section!, fields: [{ ...field!, digested: true as const }] },
    };
    const snapshot = await finishSnapshot(overTheWire(forged), { salt: SALT });
    expect(snapshot.fields[0]).toMatchObject({ value: null, secret: { reason: 'digested' } });
    expect(JSON.stringify(snapshot)).not.toContain('blue');
  });
});

describe('secret hashes agree across the ways a section is captured', () => {
  const FORM =
    '<form action="/api/settings/brain"><h2>Brain</h2><input type="password" name="apiKey"></form>';

  it('a save, a drift check and a body-only save of the same secret hash the same', async () => {
    const container = mount(FORM, 'form');
    (container.querySelector('input') as HTMLInputElement).value = API_KEY;
    const request = {
      method: 'PUT',
      url: '/api/settings/brain',
      bodyKind: 'json',
      body: { apiKey: API_KEY },
    };
    const { snapshot: saved } = await capture(
      { container, pageUrl: PAGE, trigger: { kind: 'fetch' }, request },
      { salt: SALT },
    );
    const { snapshot: shown } = await capture(
      { container, pageUrl: PAGE, trigger: { kind: 'manual' } },
      { salt: SALT },
    );
    const { snapshot: fromBody } = await capture(
      { pageUrl: PAGE, trigger: { kind: 'fetch' }, request },
      { salt: SALT },
    );
    const hashes = [saved, shown, fromBody].map(
      (s) => s.fields.find((f) => f.key === 'apiKey')?.secret?.hash,
    );
    expect(hashes[0]).toBe(await secretHash(SALT, 'apiKey', API_KEY));
    expect(new Set(hashes).size).toBe(1);
    expect(diffSnapshots(saved, shown).find((c) => c.key === 'apiKey')).toMatchObject({
      secret: 'unchanged',
    });

    (container.querySelector('input') as HTMLInputElement).value = `${API_KEY}-rotated`;
    const { snapshot: rotated } = await capture(
      { container, pageUrl: PAGE, trigger: { kind: 'manual' } },
      { salt: SALT },
    );
    expect(diffSnapshots(saved, rotated).find((c) => c.key === 'apiKey')).toMatchObject({
      secret: 'changed',
    });
  });

  it('hashes differ between installs (salts) for the same secret', async () => {
    const container = mount(FORM, 'form');
    (container.querySelector('input') as HTMLInputElement).value = API_KEY;
    const input = { container, pageUrl: PAGE, trigger: { kind: 'manual' as const } };
    const { snapshot: a } = await capture(input, { salt: 'salt-a' });
    const { snapshot: b } = await capture(input, { salt: 'salt-b' });
    expect(a.fields[0]?.secret?.hash).not.toBe(b.fields[0]?.secret?.hash);
  });
});

describe('finishing a draft with no section on the page', () => {
  it('derives a field from every value of a nested body with no form on the page, keyed by its path', async () => {
    const { snapshot } = await capture(
      {
        pageUrl: PAGE,
        trigger: { kind: 'xhr' },
        request: {
          method: 'PATCH',
          url: 'https://dash.example.com/api/workspaces/acme/settings/webhooks',
          bodyKind: 'json',
          body: {
            settings: {
              url: 'https://hooks.example.com/a',
              retries: 3,
              enabled: true,
              events: ['a', 'b'],
              secret: 'whsec_abcdefghijklmnop',
              nested: { x: 1 },
            },
          },
        },
      },
      { salt: SALT },
    );
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ type: 'webhooks', title: 'Webhooks' });
    expect(snapshot.fields.map((f) => [f.key, f.label, f.value, f.locator.inputType])).toEqual([
      ['settings.url', 'Url', 'https://hooks.example.com/a', 'text'],
      ['settings.retries', 'Retries', '3', 'number'],
      ['settings.enabled', 'Enabled', true, 'checkbox'],
      ['settings.events', 'Events', ['a', 'b'], 'list'],
      ['settings.secret', 'Secret', null, 'text'],
      ['settings.nested.x', 'X', '1', 'number'],
    ]);
    expect(snapshot.fields[4]?.secret).toMatchObject({ reason: 'request-body' });
    expect(snapshot.fields[0]?.locator).toEqual({ inputType: 'text', section: 'Webhooks' });
    expect(snapshot.leftOut).toEqual(['settings.secret']);
    expect(JSON.stringify(snapshot)).not.toContain('whsec_');
  });

  it('falls back to a generic type for an unreadable body', async () => {
    const { snapshot } = await capture(
      {
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: { method: 'POST', url: '/graphql', bodyKind: 'unread' },
      },
      { salt: SALT },
    );
    // Named after its endpoint, never "Section".
    expect(snapshot).toMatchObject({ type: 'graphql', title: 'Graphql', fields: [], leftOut: [] });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('takes the type hint over the URL', async () => {
    const { snapshot } = await capture(
      {
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: { method: 'POST', url: '/graphql', bodyKind: 'none' },
      },
      { salt: SALT, typeHint: 'Alert rules' },
    );
    expect(snapshot).toMatchObject({ type: 'alert-rules', title: 'Alert rules' });
  });
});

describe('a secret field sent in the save request under a name no rule knows', () => {
  const form = (password: string, token: string) =>
    mount(
      `<form><input name="relayHost" value="mx.example.com">` +
        `<input type="password" name="relayAuth" value="${password}">` +
        `<input name="deployKey" id="deploy" value="${token}"></form>`,
      'form',
    );

  it.each([
    [
      'by the field name',
      (p: string, t: string) => ({ relayHost: 'mx.example.com', relayAuth: p, deployKey: t }),
    ],
    [
      'as name/value pairs',
      (p: string, t: string) => ({
        settings: [
          { name: 'relayHost', value: 'mx.example.com' },
          { name: 'relayAuth', value: p },
          { name: 'deployKey', value: t },
        ],
      }),
    ],
  ])('is left out of the stored request body too (%s)', async (_how, body) => {
    const password = 'correct horse battery';
    const token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    const { snapshot } = await capture(
      {
        container: form(password, token),
        pageUrl: PAGE,
        trigger: { kind: 'fetch' },
        request: { method: 'PUT', url: `${PAGE}/smtp`, bodyKind: 'json', body: body(password, token) },
      },
      { salt: SALT },
    );
    const stored = JSON.stringify(snapshot);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(token);
    expect(stored).toContain('mx.example.com');
    expect(snapshotSchema.parse(snapshot)).toBeTruthy();
  });
});
