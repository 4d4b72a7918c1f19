import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { freePort, serveApp } from './app-process';

/** The Debian package tested (bookworm's `dokuwiki`, release "Igor"). */
export const DOKUWIKI_DEBIAN_VERSION = '0.0.20220731.a-2';
/** Where Debian installs DokuWiki's code (read-only here) and its default configuration (copied, never written). */
const DOKU_INC = '/usr/share/dokuwiki';
const DEBIAN_CONF = '/etc/dokuwiki';
const PHP = '/usr/bin/php';

/** The superuser the private wiki knows (group `admin`, which `superuser = @admin` makes an administrator). */
export const DOKUWIKI_ADMIN = { user: 'admin', password: 'savepoint-admin' } as const;

/** Files of Debian's configuration that the private copy replaces (the ACL and users are symlinks into /var/lib). */
const NOT_COPIED = new Set([
  'acl.auth.php',
  'users.auth.php',
  'local.php',
  'local.protected.php',
  'preload.php',
]);
/** The data folders DokuWiki insists on finding (`init_paths()`). */
const DATA_DIRS = [
  'pages',
  'attic',
  'media',
  'media_attic',
  'media_meta',
  'meta',
  'cache',
  'index',
  'locks',
  'tmp',
  'log',
];

export interface RunningDokuWiki {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** The Configuration Manager (`doku.php?do=admin&page=config`). */
  configUrl: string;
  /** The private folder holding `conf/` and `data/`, removed by `stop()`. */
  dir: string;
  /** Logs in as the superuser through the wiki's own login form. */
  login(page: Page): Promise<void>;
  /** The saved configuration: the private `conf/local.php`, `$conf['a']['b'] = v` as `{ 'a.b': 'v' }`. */
  readConfig(): Promise<Record<string, string>>;
  /** Puts `conf/local.php` and `conf/local.protected.php` back as at the start (pages and sessions stay). */
  resetConfig(): Promise<void>;
  /** Locks settings as a host's admin does (`conf/local.protected.php`): the form shows them disabled, with `values`. */
  protect(values: Record<string, string>): Promise<void>;
  /** A save made from another browser (a teammate's): `values` written to `conf/local.php`, `{ breadcrumbs: '10' }`. */
  saveElsewhere(values: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** null when DokuWiki can run here, else a one-line reason. */
export function dokuwikiAvailable(): string | null {
  const install = 'apt-get install --no-install-recommends dokuwiki php-cli php-cgi';
  if (!existsSync(path.join(DOKU_INC, 'doku.php')) || !existsSync(path.join(DEBIAN_CONF, 'dokuwiki.php')))
    return `Debian package dokuwiki is not installed: ${install}`;
  if (!existsSync(PHP)) return `PHP's command line (php-cli) is not installed: ${install}`;
  const probe = spawnSync(
    PHP,
    ['-r', 'echo extension_loaded("xml") && function_exists("session_start") ? "ok" : "no";'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.stdout !== 'ok')
    return `${PHP} cannot run DokuWiki (needs the xml and session extensions): ${install}`;
  return null;
}

/** A PHP single-quoted string literal. */
function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** What the Configuration Manager may change (it rewrites `conf/local.php` on every save), as at the start. */
function writeLocalPhp(conf: string): void {
  const lines = [
    '<?php',
    `$conf['title'] = 'Savepoint test wiki';`,
    `$conf['useacl'] = 1;`,
    `$conf['superuser'] = '@admin';`,
  ];
  writeFileSync(path.join(conf, 'local.php'), `${lines.join('\n')}\n`);
}

/**
 * What the Configuration Manager may not change (it shows these settings disabled): the private data folder, no
 * release check against the internet, and `locked` (a host's admin locking a setting, `{ tagline: '…' }`).
 */
function writeLocalProtectedPhp(conf: string, locked: Record<string, string> = {}): void {
  const data = path.join(path.dirname(conf), 'data');
  const lines = [
    '<?php',
    `$conf['savedir'] = ${phpString(data)};`,
    `$conf['updatecheck'] = 0;`,
    `$conf['authtype'] = 'authplain';`,
    ...Object.entries(locked).map(([key, value]) => `$conf['${key}'] = ${phpString(value)};`),
  ];
  writeFileSync(path.join(conf, 'local.protected.php'), `${lines.join('\n')}\n`);
}

/** Writes the private wiki: Debian's default configuration, our local settings, one superuser, an empty data tree. */
function writeWiki(dir: string): void {
  const conf = path.join(dir, 'conf');
  const data = path.join(dir, 'data');
  cpSync(DEBIAN_CONF, conf, {
    recursive: true,
    dereference: false,
    filter: (source) => !NOT_COPIED.has(path.basename(source)),
  });
  for (const sub of DATA_DIRS) mkdirSync(path.join(data, sub), { recursive: true });
  mkdirSync(path.join(dir, 'sessions'));
  writeFileSync(
    path.join(data, 'pages', 'start.txt'),
    '====== Welcome ======\n\nA private wiki for Savepoint tests.\n',
  );
  writeLocalPhp(conf);
  writeLocalProtectedPhp(conf);
  // authplain accepts a bare MD5 hex digest (`PassHash::verify_hash`); bcrypt would need PHP at set-up.
  const hash = createHash('md5').update(DOKUWIKI_ADMIN.password).digest('hex');
  writeFileSync(
    path.join(conf, 'users.auth.php'),
    `${DOKUWIKI_ADMIN.user}:${hash}:Savepoint Admin:admin@example.invalid:admin,user\n`,
  );
  writeFileSync(path.join(conf, 'acl.auth.php'), '*\t@ALL\t1\n*\t@user\t8\n');
  // Debian's inc/preload.php reads DOKU_MAIN_CONF and DOKU_CONF only when they are not yet defined.
  writeFileSync(
    path.join(dir, 'prepend.php'),
    `<?php\ndefine('DOKU_MAIN_CONF', ${phpString(conf + '/')});\ndefine('DOKU_CONF', ${phpString(conf + '/')});\n`,
  );
}

/** Reads `$conf[...] = value;` lines of a DokuWiki config file (strings, numbers, `array(...)` kept as written). */
export function parseLocalPhp(text: string): Record<string, string> {
  const config: Record<string, string> = {};
  const line = /^\$conf((?:\['(?:[^'\\]|\\.)*'\])+)\s*=\s*(.*);\s*$/gm;
  for (const [, keys = '', raw = ''] of text.matchAll(line)) {
    const key = [...keys.matchAll(/\['((?:[^'\\]|\\.)*)'\]/g)].map(([, k = '']) => k).join('.');
    const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(raw.trim());
    config[key] = quoted ? (quoted[1] ?? '').replace(/\\(['\\])/g, '$1') : raw.trim();
  }
  return config;
}

/**
 * Starts Debian's DokuWiki under PHP's built-in server on a free loopback port, on a private copy of its
 * configuration and an empty data tree (never /etc/dokuwiki's local settings nor /var/lib/dokuwiki).
 */
export async function startDokuWiki(): Promise<RunningDokuWiki> {
  const reason = dokuwikiAvailable();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-dokuwiki-'));
  writeWiki(dir);
  const port = await freePort();
  // Two workers: the page, its CSS and its JS load side by side (the server is single-threaded otherwise).
  const { url, stop } = await serveApp(
    port,
    PHP,
    [
      '-S',
      `127.0.0.1:${port}`,
      '-t',
      DOKU_INC,
      '-d',
      `auto_prepend_file=${path.join(dir, 'prepend.php')}`,
      '-d',
      `session.save_path=${path.join(dir, 'sessions')}`,
      '-d',
      'display_errors=stderr',
    ],
    {
      cwd: DOKU_INC,
      dir,
      readyPath: '/doku.php?id=start',
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' },
    },
  );
  return {
    url,
    configUrl: `${url}/doku.php?do=admin&page=config`,
    dir,
    async login(page) {
      await page.goto(`${url}/doku.php?id=start&do=login`);
      const form = page.locator('#dw__login');
      await form.locator('input[name=u]').fill(DOKUWIKI_ADMIN.user);
      await form.locator('input[name=p]').fill(DOKUWIKI_ADMIN.password);
      await Promise.all([
        page.waitForURL((next) => !next.search.includes('do=login')),
        form.getByRole('button', { name: 'Log In' }).click(),
      ]);
      if ((await page.locator('#dw__login').count()) > 0) throw new Error('DokuWiki refused the login');
    },
    async readConfig() {
      return parseLocalPhp(readFileSync(path.join(dir, 'conf', 'local.php'), 'utf8'));
    },
    async resetConfig() {
      writeLocalPhp(path.join(dir, 'conf'));
      writeLocalProtectedPhp(path.join(dir, 'conf'));
    },
    async protect(values) {
      writeLocalProtectedPhp(path.join(dir, 'conf'), values);
    },
    async saveElsewhere(values) {
      // PHP keeps the last assignment of a setting, as the wiki's own save would have it.
      const lines = Object.entries(values).map(
        ([key, value]) => `$conf['${key}'] = '${value.replace(/['\\]/g, '\\$&')}';`,
      );
      appendFileSync(path.join(dir, 'conf', 'local.php'), `${lines.join('\n')}\n`);
    },
    stop,
  };
}
