import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { asThisBrowserSavedIt } from '../../../lib/restore/as-this-browser-saved-it';

const field = (key: string, label: string, value: string) => ({
  key,
  label,
  value,
  locator: { name: key, inputType: 'text' },
});
const snapshot = (body: unknown, fields: Snapshot['fields'], bodyKind = 'json'): Snapshot => ({
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: 'https://dash.example.com/acme/settings',
  fields,
  trigger: { kind: 'fetch' },
  leftOut: [],
  request: { method: 'PUT', url: '/api/acme/settings/bot-names', bodyKind, body },
});
const own = snapshot({ primaryName: 'Ada', fallbackName: 'Grace' }, [
  field('primaryName', 'Primary bot name', 'Ada'),
  field('fallbackName', 'Fallback name', 'Grace'),
]);

describe('asThisBrowserSavedIt', () => {
  it("keeps only the members this browser's own save sent, named as it named them", () => {
    const pulled = snapshot({ primaryName: 'Bo', ownerEmail: 'm@evil.example' }, [
      field('primaryName', 'Anything', 'Bo'),
      field('ownerEmail', 'Fallback name', 'm@evil.example'),
    ]);
    const sent = asThisBrowserSavedIt(pulled, [own]);
    expect(sent.request?.body).toEqual({ primaryName: 'Bo' });
    expect(sent.fields.map((f) => [f.key, f.label])).toEqual([['primaryName', 'Primary bot name']]);
  });

  it('reads a url-encoded body by its members', () => {
    const pulled = snapshot(
      'primaryName=Bo&role=owner',
      [field('primaryName', 'x', 'Bo'), field('role', 'y', 'owner')],
      'form',
    );
    const sent = asThisBrowserSavedIt(pulled, [own]);
    expect(sent.request?.body).toEqual({ primaryName: 'Bo' });
    expect(sent.fields.map((f) => f.key)).toEqual(['primaryName']);
  });

  it('keeps a "__proto__" member as data, never as a prototype', () => {
    const ownProto = snapshot(JSON.parse('{"__proto__":{"a":1}}'), []);
    const pulled = snapshot(JSON.parse('{"__proto__":{"isAdmin":true}}'), []);
    const body = asThisBrowserSavedIt(pulled, [ownProto]).request?.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(body, '__proto__')).toBe(true);
  });

  it('leaves nothing to send without a capture of its own', () => {
    const pulled = snapshot({ primaryName: 'Bo' }, [field('primaryName', 'x', 'Bo')]);
    expect(asThisBrowserSavedIt(pulled, []).fields).toEqual([]);
  });
});
