import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeCalibrationExtensions } from './calibration-extensions';

/** The release build (`wxt build`, production React): what the store gets and what the sizes are measured on. */
export const RELEASE_DIR = path.resolve('.output/chrome-mv3');
/**
 * The release build's files with one manifest change: the demo dashboard's host is granted at install. The release
 * asks for a watched origin at runtime (`optional_host_permissions`), a prompt a headless bench cannot answer.
 */
export const BENCH_DIR = path.resolve('.output/chrome-mv3-bench');
/** The bench copy without the `webRequest` permission, for the breakdown rows without the ledger listeners. */
export const BENCH_NO_LEDGER_DIR = path.resolve('.output/chrome-mv3-bench-no-ledger');
/**
 * The bench copy whose capture agent (`capture.js`, given to each dashboard page after its load) does nothing, for
 * the breakdown row of the ledger listeners without it.
 */
export const BENCH_NO_AGENT_DIR = path.resolve('.output/chrome-mv3-bench-no-agent');
/** The host the bench's demo dashboard and local Convex listen on (every port). */
const BENCH_HOST = 'http://127.0.0.1/*';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
}

/** Copies the release build to `dir` with its manifest changed by `edit`; nothing else differs. */
function copyRelease(dir: string, edit: (manifest: Manifest) => Manifest): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(RELEASE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  writeFileSync(file, `${JSON.stringify(edit(manifest), null, 2)}\n`);
}

/** Builds the release once and makes the bench's copies of it, and the calibration extensions. */
export function buildExtension(): void {
  // As `npm run build` from a shell: vite-node, which runs the bench, sets NODE_ENV=development, and WXT keeps a
  // NODE_ENV it finds (it gave the bench React's development build).
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  copyRelease(BENCH_DIR, (manifest) => ({ ...manifest, host_permissions: [BENCH_HOST] }));
  copyRelease(BENCH_NO_LEDGER_DIR, (manifest) => ({
    ...manifest,
    host_permissions: [BENCH_HOST],
    permissions: (manifest.permissions ?? []).filter((permission) => permission !== 'webRequest'),
  }));
  copyRelease(BENCH_NO_AGENT_DIR, (manifest) => ({ ...manifest, host_permissions: [BENCH_HOST] }));
  writeFileSync(path.join(BENCH_NO_AGENT_DIR, 'capture.js'), '// the bench: no capture agent\n');
  writeCalibrationExtensions();
}
