import { chromium } from '@playwright/test';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Where a Chromium was found, in the order they are tried. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

/** The one line that tells a newcomer how to get a browser for the end-to-end tests and the bench. */
export const NO_CHROMIUM =
  'No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'elsewhere, with internet: `npx playwright install chromium`) or set CHROMIUM_PATH to its executable.';

/** Fixed places Debian and Ubuntu install Chromium to, tried before searching PATH. */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Executable names searched for on PATH, best first (branded Chrome last: it may ignore `--load-extension`). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** What the finder looks at; tests pass a fake machine. */
export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  isExecutable?: (file: string) => boolean;
  /** Where Playwright's own Chromium would be (it is there only after `npx playwright install chromium`). */
  playwrightPath?: () => string | null;
  systemPaths?: readonly string[];
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set (and nothing else, so a wrong value is reported, not ignored),
 * else Playwright's own download, else Debian's `/usr/bin/chromium`, else the first Chromium or Chrome on PATH.
 * Throws an error whose message is one line saying how to get a browser.
 */
export function findChromium(options: FindChromiumOptions = {}): { path: string; source: ChromiumSource } {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (isExecutable(chosen)) return { path: chosen, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH is ${chosen}, which is not an executable file. ${NO_CHROMIUM}`);
  }
  const downloaded = (options.playwrightPath ?? playwrightChromium)();
  if (downloaded && isExecutable(downloaded)) return { path: downloaded, source: 'playwright' };
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .flatMap((dir) => CHROMIUM_NAMES.map((name) => path.join(dir, name)));
  const found = [...(options.systemPaths ?? SYSTEM_CHROMIUM_PATHS), ...onPath].find(isExecutable);
  if (found) return { path: found, source: 'system' };
  throw new Error(NO_CHROMIUM);
}
