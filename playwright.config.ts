import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/support/find-chromium';
import {
  CONVEX_PORT,
  CONVEX_CONTROL_PORT,
  DEMO_PORT,
  TEST_ACME_KEY,
  TEST_CONTROL_TOKEN,
} from './tests/support/ports';

/** (ms) a whole test may take; fault tests wait for retries. */
const TEST_TIMEOUT = 90_000;

export default defineConfig({
  testDir: 'tests/e2e',
  // One browser at a time: the suites share the demo dashboard and the local Convex (2 cores here).
  workers: 1,
  fullyParallel: false,
  timeout: TEST_TIMEOUT,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // A trace records every action of every test (8–15 % of the suite's time here), to keep a failure's: a clean
    // run (CI) shows only its log, so it records none; run again with `--trace on` to look into a failure.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // Playwright's own `page` fixture would look for its download only; every test drives the same browser.
    launchOptions: { executablePath: findChromium().path },
  },
  // Each run starts its own demo dashboard and local Convex, on ports of the tests' own, and stops on a port in use:
  // a server reused from there may be another checkout's (a run here tested this tree's extension against another
  // tree's `convex/`, left on these ports by an earlier run).
  webServer: [
    {
      command: 'npx vite-node demo/main.ts',
      url: `http://127.0.0.1:${DEMO_PORT}/acme/settings`,
      env: { DEMO_PORT: String(DEMO_PORT) },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'npx vite-node tests/support/convex-local-main.ts',
      url: `http://127.0.0.1:${CONVEX_PORT}/`,
      env: {
        CONVEX_LOCAL_PORT: String(CONVEX_PORT),
        CONVEX_LOCAL_CONTROL_PORT: String(CONVEX_CONTROL_PORT),
        CONVEX_LOCAL_ACME_KEY: TEST_ACME_KEY,
        CONVEX_LOCAL_CONTROL_TOKEN: TEST_CONTROL_TOKEN,
      },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
