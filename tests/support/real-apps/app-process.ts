import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';

/** (ms) to wait for an app to answer after it is spawned (Node-RED starts in 1.5 s here, DokuWiki in 0.5 s). */
const START_TIMEOUT = 20_000;
/** (ms) between two "are you up?" requests while it starts. */
const POLL_INTERVAL = 50;
/** (ms) to wait for the process to exit after SIGTERM before it gets SIGKILL. */
const STOP_TIMEOUT = 5_000;
/** (characters) of an app's output kept to explain a failed start. */
const KEPT_OUTPUT = 8_000;

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

/** A spawned app: its loopback URL, and `stop()` that ends its process group and removes its private folder. */
export interface ServedApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Spawns an app server (in its own process group) on `port`, keeps the end of its output to explain a failed
 * start, and waits until `readyPath` answers; on failure it is stopped and its folder `dir` removed.
 */
export async function serveApp(
  port: number,
  command: string,
  args: string[],
  options: { cwd: string; dir: string; readyPath: string; env?: NodeJS.ProcessEnv },
): Promise<ServedApp> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    rmSync(options.dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(`${url}${options.readyPath}`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
