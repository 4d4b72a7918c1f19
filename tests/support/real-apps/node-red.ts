import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The Node-RED version package.json pins (5.x declares node >= 22.9 and refuses to start on Node 20). */
export const NODE_RED_VERSION = '4.1.15';

/** (ms) to wait for Node-RED to answer after it is spawned; it starts in about 1.5 s here. */
const START_TIMEOUT = 20_000;
/** (ms) between two "are you up?" requests while it starts. */
const POLL_INTERVAL = 50;
/** (ms) to wait for the process to exit after SIGTERM before it gets SIGKILL. */
const STOP_TIMEOUT = 5_000;

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

/** A port on the loopback that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, the process exits or the deadline passes. */
export async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL));
  }
  throw new Error(`${url} did not answer within ${START_TIMEOUT} ms:\n${log()}`);
}

/**
 * Stops a server spawned with `detached: true` (its own process group): SIGTERM to the whole group, so workers it
 * forked (PHP's built-in server with PHP_CLI_SERVER_WORKERS) go too, then SIGKILL if it lingers.
 */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_TIMEOUT);
  await exited;
  clearTimeout(timer);
  // The group leader exited; a worker that outlived it must not keep the port.
  signalGroup('SIGKILL');
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
  const child = spawn(process.execPath, [redJs, '--userDir', userDir, '--port', String(port)], {
    cwd: userDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    rmSync(userDir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(`${url}/settings`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
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
