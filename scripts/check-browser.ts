/**
 * `npm run check:browser`, run by `npm test` before the end-to-end step: says which Chromium the tests will drive,
 * or stops with one line saying how to get one (instead of one Playwright launch error per test file).
 */
import { findChromium } from '../tests/support/find-chromium';

try {
  const { path, source } = findChromium();
  console.info(`Chromium for the end-to-end tests: ${path} (${source})`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
