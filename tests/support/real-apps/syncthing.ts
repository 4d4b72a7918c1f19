import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, serveApp } from './app-process';

/** The Debian package tested (bookworm's `syncthing`). */
export const SYNCTHING_DEBIAN_VERSION = '1.19.2~ds1-1+b4';
const SYNCTHING = '/usr/bin/syncthing';

/** Syncthing's configuration as `GET /rest/config` returns it (the members the tests read). */
export interface SyncthingConfig {
  devices: { deviceID: string; name: string }[];
  gui: { address: string; apiKey: string; user: string };
  options: {
    maxRecvKbps: number;
    maxSendKbps: number;
    natEnabled: boolean;
    startBrowser: boolean;
    minHomeDiskFree: { value: number; unit: string };
  } & Record<string, unknown>;
}

export interface RunningSyncthing {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The API key Syncthing generated at set-up (a restore must never make it generate another). */
  apiKey: string;
  /** `GET /rest/config` with the API key in config.xml now (the GUI's own reads send its CSRF header instead). */
  readConfig(): Promise<SyncthingConfig>;
  stop(): Promise<void>;
}

/** Null when Syncthing can be started here, else why not (with the install command). */
export function syncthingAvailable(): string | null {
  return existsSync(SYNCTHING)
    ? null
    : 'Debian package syncthing is not installed: apt-get install --no-install-recommends syncthing';
}

function setOption(xml: string, key: string, value: string): string {
  return xml.replace(new RegExp(`<${key}>[^<]*</${key}>`), `<${key}>${value}</${key}>`);
}

/**
 * Starts Debian's Syncthing 1.19 (its web GUI is AngularJS; every save is `PUT /rest/config` of the whole
 * configuration, with the CSRF header `X-CSRF-Token-<id>` echoing a cookie) on a free loopback port, with a private
 * home folder that `stop()` removes. Offline: no discovery, relays, NAT, usage reporting, upgrades or crash reports.
 */
export async function startSyncthing(): Promise<RunningSyncthing> {
  const home = mkdtempSync(path.join(tmpdir(), 'savepoint-syncthing-'));
  execFileSync(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder'], {
    timeout: 20_000,
    stdio: 'ignore',
  });
  const port = await freePort();
  const configPath = path.join(home, 'config.xml');
  let xml = readFileSync(configPath, 'utf8');
  xml = xml.replace(/<address>127\.0\.0\.1:8384<\/address>/, `<address>127.0.0.1:${port}</address>`);
  xml = xml.replace(/(<device id="[^"]+" name=")[^"]*"/, '$1savepoint-test"');
  for (const [key, value] of Object.entries({
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    startBrowser: 'false',
    urAccepted: '-1',
    autoUpgradeIntervalH: '0',
    crashReportingEnabled: 'false',
    listenAddress: 'tcp://127.0.0.1:0',
    unackedNotificationID: '',
  })) {
    xml = setOption(xml, key, value);
  }
  writeFileSync(configPath, xml);
  const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(xml)?.[1] ?? '';
  const app = await serveApp(
    port,
    SYNCTHING,
    ['serve', `--home=${home}`, '--no-browser', '--no-restart', '--no-upgrade'],
    {
      cwd: home,
      dir: home,
      readyPath: '/',
      env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' },
    },
  );
  return {
    url: app.url,
    apiKey,
    async readConfig() {
      const key = /<apikey>([^<]+)<\/apikey>/.exec(readFileSync(configPath, 'utf8'))?.[1] ?? apiKey;
      const response = await fetch(`${app.url}/rest/config`, { headers: { 'X-API-Key': key } });
      if (!response.ok) throw new Error(`GET /rest/config answered ${response.status}`);
      return (await response.json()) as SyncthingConfig;
    },
    async stop() {
      await app.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
