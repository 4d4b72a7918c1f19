import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The unpacked test build the benchmark loads. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-test');

/** Builds the extension once, as the e2e tests use it (`wxt build --mode test`). */
export function buildExtension(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
