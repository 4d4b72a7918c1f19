import { describe, expect, it } from 'vitest';
import { buildSnapshot, secretHash, snapshotFromBody } from '../../../lib/capture/build-snapshot';
import { contentHash } from '../../../lib/capture/canonical-json';
import { findSection } from '../../../lib/capture/find-section';
import { LEFT_OUT, MAX_VALUE_CHARS } from '../../../lib/capture/limits';
import { MAX_FIELD_VALUE_CHARS, snapshotSchema } from '../../../lib/capture/snapshot';
import { DEMO_DASHBOARD, mount } from './demo-dashboard';

const SALT = 'salt-1';
const PAGE = 'https://dash.example.com/acme/settings';
const API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';

describe('buildSnapshot on the demo dashboard', () => {
  it('captures Bot names saved by fetch PUT', async () => {
    const container = findSection(mount(DEMO_DASHBOARD, '#save-bot-names'));
    const snapshot = await buildSnapshot({
      container,
      pageUrl: PAGE,
      trigger: { kind: 'fetch', submitter: { label: 'Save', inputType: 'button' } },
      request: {
        method: 'PUT',
        url: '/api/workspaces/acme/settings/bot-names',
        bodyKind: 'json',
        body: { primaryName: 'Ada', fallbackName: 'Bob', greetingStyle: 'friendly' },
      },
      salt: SALT,
    });
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
    const snapshot = await buildSnapshot({
      container: mount(DEMO_DASHBOARD, 'form[action]'),
      pageUrl: PAGE,
      trigger: { kind: 'form' },
      salt: SALT,
    });
    expect(snapshot.type).toBe('intern');
    expect(snapshot.request).toBeUndefined();
    expect(snapshot.fields.find((f) => f.key === 'reviewMode')).toMatchObject({
      value: 'sometimes',
      label: 'Review mode',
    });
    expect(snapshot.fields.every((f) => !f.secret)).toBe(true);
  });

  it('leaves the Brain API key out of fields and body, keeping a salted hash', async () => {
    const snapshot = await buildSnapshot({
      container: mount(DEMO_DASHBOARD, '#brain-form'),
      pageUrl: PAGE,
      trigger: { kind: 'fetch' },
      request: {
        method: 'put',
        url: '/api/workspaces/acme/settings/brain',
        bodyKind: 'json',
        body: { model: 'claude-3-5-sonnet', temperature: 0.7, apiKey: API_KEY },
      },
      salt: SALT,
    });
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
    const empty = await buildSnapshot({ container, pageUrl: PAGE, trigger: { kind: 'manual' }, salt: SALT });
    (container.querySelector('input') as HTMLInputElement).value = 'secret-value';
    const set = await buildSnapshot({ container, pageUrl: PAGE, trigger: { kind: 'manual' }, salt: SALT });
    expect(empty.fields[0]).toMatchObject({
      value: null,
      secret: { hash: await secretHash(SALT, 'apiKey', '') },
    });
    expect(set.fields[0]?.secret?.hash).not.toBe(empty.fields[0]?.secret?.hash);
    expect(await contentHash(set)).not.toBe(await contentHash(empty));
  });

  it('gives identical saves the same content hash, whatever the page URL', async () => {
    const container = mount(DEMO_DASHBOARD, '#brain-form');
    const a = await buildSnapshot({ container, pageUrl: PAGE, trigger: { kind: 'form' }, salt: SALT });
    const b = await buildSnapshot({
      container,
      pageUrl: `${PAGE}?tab=2`,
      trigger: { kind: 'manual' },
      salt: SALT,
    });
    expect(await contentHash(a)).toBe(await contentHash(b));
  });

  it('honours the user list and a type hint', async () => {
    const snapshot = await buildSnapshot({
      container: findSection(mount(DEMO_DASHBOARD, '#save-bot-names')),
      pageUrl: PAGE,
      trigger: { kind: 'manual' },
      salt: SALT,
      extraLeftOut: ['Fallback bot name'],
      typeHint: 'Bot Names!',
    });
    expect(snapshot.type).toBe('bot-names');
    expect(snapshot.fields.find((f) => f.key === 'fallbackName')).toMatchObject({
      value: null,
      secret: { reason: 'user-rule' },
    });
    expect(snapshot.leftOut).toEqual(['fallbackName']);
  });

  it('leaves tokens out of the page and request URLs', async () => {
    const snapshot = await buildSnapshot({
      container: mount('<form><input name="a" value="1"></form>', 'form'),
      pageUrl: 'https://user:pw@dash.example.com/settings?access_token=abc123#id_token=xyz',
      trigger: { kind: 'fetch' },
      request: { method: 'POST', url: '/api/settings/alerts?api_key=k1&page=2', bodyKind: 'none' },
      salt: SALT,
    });
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
    const snapshot = await buildSnapshot({
      container: mount('<form><input name="a"></form>', 'form'),
      pageUrl: PAGE,
      trigger: { kind: 'fetch' },
      request: { method: 'GET', url: '/x', bodyKind: 'none' },
      salt: SALT,
    });
    expect(snapshot.request).toBeUndefined();
  });

  it('uses the same value limit as the snapshot schema', () => {
    expect(MAX_VALUE_CHARS).toBe(MAX_FIELD_VALUE_CHARS);
  });
});

describe('snapshotFromBody', () => {
  it('derives fields from the top-level values of a body with no form on the page', async () => {
    const snapshot = await snapshotFromBody({
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
      salt: SALT,
    });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ type: 'webhooks', title: 'Webhooks' });
    expect(snapshot.fields.map((f) => [f.key, f.value, f.locator.inputType])).toEqual([
      ['url', 'https://hooks.example.com/a', 'text'],
      ['retries', '3', 'number'],
      ['enabled', true, 'checkbox'],
      ['events', ['a', 'b'], 'list'],
      ['secret', null, 'text'],
    ]);
    expect(snapshot.fields[0]?.locator).toEqual({ name: 'url', inputType: 'text', section: 'Webhooks' });
    expect(snapshot.leftOut).toEqual(['secret', 'settings.secret']);
    expect(JSON.stringify(snapshot)).not.toContain('whsec_');
  });

  it('falls back to a generic type for an unreadable body', async () => {
    const snapshot = await snapshotFromBody({
      pageUrl: PAGE,
      trigger: { kind: 'fetch' },
      request: { method: 'POST', url: '/graphql', bodyKind: 'unread' },
      salt: SALT,
    });
    expect(snapshot).toMatchObject({ type: 'section', fields: [], leftOut: [] });
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
  });
});
