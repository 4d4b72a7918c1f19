import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; mode: string; manifestVersion: 2 | 3 }) => Record<string, unknown>;
const manifest = config.manifest as unknown as ManifestFn;

describe('store manifests', () => {
  it('asks for no host permission in production beyond what the user grants', () => {
    const chrome = manifest({ browser: 'chrome', mode: 'production', manifestVersion: 3 });
    expect(chrome.host_permissions).toEqual([]);
    expect(JSON.stringify(chrome)).not.toContain('<all_urls>');
    expect(chrome).not.toHaveProperty('content_security_policy');
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // Tab URLs are read through host permissions and activeTab only (issue 13 item 9).
    expect(chrome.permissions).not.toContain('tabs');
  });

  it('grants the loopback hosts only to the headless test build', () => {
    expect(manifest({ browser: 'chrome', mode: 'test', manifestVersion: 3 }).host_permissions).toEqual([
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  });

  it('gives Firefox a gecko id, data collection permissions and optional host permissions (MV2)', () => {
    const firefox = manifest({ browser: 'firefox', mode: 'production', manifestVersion: 2 });
    expect(firefox.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: 'savepoint@savepoint.dev', data_collection_permissions: { required: ['none'] } },
    });
  });
});
