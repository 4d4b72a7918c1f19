import { describe, expect, it } from 'vitest';
import { BRIDGE_SOURCE, BRIDGE_VERSION } from '../../../lib/page/bridge/bridge-protocol';
import { parseBridgeMessage } from '../../../lib/page/bridge/parse-bridge-message';
import { redactUrl } from '../../../lib/capture/redact-url';
import { snapshotSchema, type Snapshot } from '../../../lib/capture/snapshot';
import { MAX_URL_CHARS } from '../../../convex/sharedLimits';

/** A save request URL exactly `length` characters long, with nothing secret in it. */
function urlOf(length: number): string {
  const base = 'https://dash.example.com/api/acme/settings?columns=';
  return base + 'a'.repeat(length - base.length);
}

function bridgeReport(url: string): unknown {
  return {
    source: BRIDGE_SOURCE,
    v: BRIDGE_VERSION,
    kind: 'saved',
    via: 'fetch',
    method: 'PUT',
    url,
    status: 200,
    at: 1,
    body: { kind: 'json', value: {} },
  };
}

function snapshotAt(url: string): Snapshot {
  return {
    type: 'bot-names',
    title: 'Bot names',
    pageUrl: url,
    fields: [],
    request: { method: 'PUT', url, bodyKind: 'json', body: {} },
    trigger: { kind: 'fetch' },
    leftOut: [],
  };
}

describe('one URL limit from the page to Convex', () => {
  it('keeps a save request URL the bridge accepts whole, so a restore replays it to the same address', () => {
    const url = urlOf(MAX_URL_CHARS);
    expect(parseBridgeMessage(bridgeReport(url))).not.toBeNull();
    expect(redactUrl(url).url).toHaveLength(url.length);
    expect(snapshotSchema.safeParse(snapshotAt(url)).success).toBe(true);
  });

  it('refuses a longer URL at the bridge and in the snapshot Convex checks', () => {
    const url = urlOf(MAX_URL_CHARS + 1);
    expect(parseBridgeMessage(bridgeReport(url))).toBeNull();
    expect(snapshotSchema.safeParse({ ...snapshotAt(urlOf(100)), pageUrl: url }).success).toBe(false);
    expect(
      snapshotSchema.safeParse({ ...snapshotAt(urlOf(100)), request: snapshotAt(url).request }).success,
    ).toBe(false);
  });
});
