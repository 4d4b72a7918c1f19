import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/create-handlers';
import { parseMessage, protocol, TAB_MESSAGES } from '../../lib/messaging';

// The deps are never called: the test only looks at which messages have a handler.
const handlers = createHandlers({} as Parameters<typeof createHandlers>[0]);

describe('the message contract', () => {
  it('gives every message exactly one handler: the background or a tab, never both, never none', () => {
    const background = Object.keys(handlers);
    const tab: string[] = [...TAB_MESSAGES];
    expect(background.filter((type) => tab.includes(type))).toEqual([]);
    expect([...background, ...tab].sort()).toEqual(Object.keys(protocol).sort());
  });

  it('lets only the background talk to tabs, and only pages and content scripts talk to the background', () => {
    for (const [type, entry] of Object.entries(protocol)) {
      const expected = (TAB_MESSAGES as readonly string[]).includes(type)
        ? ['background']
        : ['content', 'page'];
      expect(expected, type).toContain(entry.from);
    }
  });

  it.each([
    ['not an object', 'capture:saved'],
    ['an unknown type', { type: 'restore:everything', data: {} }],
    ['a prototype key as type', { type: '__proto__', data: {} }],
    ['wrong data', { type: 'backup:pin', data: { id: 3, pinned: 'yes' } }],
    ['a restore without id', { type: 'restore:apply', data: {} }],
  ])('refuses %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});
