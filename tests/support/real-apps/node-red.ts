import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, serveApp } from './app-process';

/** The Node-RED version package.json pins (5.x declares node >= 22.9 and refuses to start on Node 20). */
export const NODE_RED_VERSION = '4.1.15';

export interface NodeRedOptions {
  /** User settings to start with, written to the userDir's `.config.users.json` as the user `_` (no login). */
  userSettings?: Record<string, unknown>;
  /** Flows to deploy at start (the userDir's `flows.json`); none by default. */
  flows?: unknown[];
}

export interface RunningNodeRed {
  /** The admin root, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The flow editor (the admin root with a trailing slash). */
  editorUrl: string;
  /** The private userDir (flows, settings.js, `.config.users.json`), removed by `stop()`. */
  userDir: string;
  /** The user settings as the server holds them (`GET /settings/user`). */
  readUserSettings(): Promise<unknown>;
  /** The user settings as persisted in the userDir's `.config.users.json` (`{}` before the first save). */
  readUserSettingsFile(): unknown;
  stop(): Promise<void>;
}

/** settings.js of the private userDir: loopback only, no consent prompt, no tours, nothing from the internet. */
function settingsFile(port: number): string {
  const settings = {
    uiHost: '127.0.0.1',
    uiPort: port,
    flowFile: 'flows.json',
    // A fixed key: no "system-generated key" warning, and credentials stay readable across restarts.
    credentialSecret: 'savepoint-test',
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    // Without it the editor asks for telemetry consent in a modal notification on the first load.
    telemetry: { enabled: false, updateNotification: false },
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    // No catalogue: the palette manager would fetch catalogue.nodered.org at start.
    editorTheme: {
      tours: false,
      projects: { enabled: false },
      palette: { catalogues: [] },
      codeEditor: { lib: 'ace' },
    },
  };
  return `module.exports = ${JSON.stringify(settings, null, 2)};\n`;
}

/** Starts Node-RED (the pinned npm package's `red.js`) on a free loopback port with a fresh userDir. */
export async function startNodeRed(options: NodeRedOptions = {}): Promise<RunningNodeRed> {
  const require = createRequire(import.meta.url);
  const redJs = path.join(path.dirname(require.resolve('node-red/package.json')), 'red.js');
  const userDir = mkdtempSync(path.join(tmpdir(), 'savepoint-node-red-'));
  const port = await freePort();
  writeFileSync(path.join(userDir, 'settings.js'), settingsFile(port));
  if (options.userSettings) {
    writeFileSync(path.join(userDir, '.config.users.json'), JSON.stringify({ _: options.userSettings }));
  }
  if (options.flows) writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(options.flows));
  const { url, stop } = await serveApp(
    port,
    process.execPath,
    [redJs, '--userDir', userDir, '--port', String(port)],
    {
      cwd: userDir,
      dir: userDir,
      readyPath: '/settings',
    },
  );
  return {
    url,
    editorUrl: `${url}/`,
    userDir,
    async readUserSettings() {
      const response = await fetch(`${url}/settings/user`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`GET /settings/user answered ${response.status}`);
      return response.json();
    },
    readUserSettingsFile() {
      try {
        const all = JSON.parse(readFileSync(path.join(userDir, '.config.users.json'), 'utf8')) as {
          _?: unknown;
        };
        return all._ ?? {};
      } catch {
        return {};
      }
    },
    stop,
  };
}
