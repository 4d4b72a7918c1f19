import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * (ms) per test, set in each project: a project does not inherit the root's (set there, the convex-test rate-limit
 * test still timed out at Vitest's default 5 s). That test, 1.7 s alone, took over 5 s with two files at a time on a
 * loaded machine.
 */
const testTimeout = 15_000;

/**
 * Unit test files that need a realm of their own: they fail in a VM context, which has its own `Uint8Array`,
 * `SyntaxError` and `Object.prototype` beside Node's (esbuild refuses to load there; an error Node makes is not an
 * `instanceof` the context's class). A file added to `unit` that fails only there goes here. So does a test whose
 * code under test checks `instanceof Error` (or `Date`) on a `DOMException` the test makes, an error from Node's
 * `URL` or fetch, or a `structuredClone` result: in a VM context those take the other branch, and may still pass.
 */
const OWN_REALM = [
  'tests/unit/background/collect-snapshots.test.ts',
  'tests/unit/background/create-handlers.test.ts',
  'tests/unit/background/form-post-capture.test.ts',
  'tests/unit/background/test-connection.test.ts',
  'tests/unit/delta/json-delta.test.ts',
  'tests/unit/journal/bidi-controls.test.ts',
  'tests/unit/popup/use-entry-actions.test.tsx',
  'tests/unit/security/forged-form-post.test.ts',
];

/** What every unit test file gets, in either pool. */
const unit = {
  testTimeout,
  // Most unit tests need no page: a file that does says so in its first line (`// @vitest-environment
  // happy-dom`). A happy-dom window for every file cost the run 15 % of its time.
  environment: 'node',
  restoreMocks: true,
} as const;

export default defineConfig({
  test: {
    // One test file per core. Vitest's default leaves a core to its main process: on two cores that is one file at a
    // time, and the unit run took 185 s where two at a time take 119 s.
    maxWorkers: availableParallelism(),
    // Worker threads, not child processes: each file still gets a module graph and globals of its own, and the run
    // took 101–109 s against 131 s with forks (same machine, warm cache; three runs, two of them shuffled).
    pool: 'threads',
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          ...unit,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          exclude: OWN_REALM,
          // Each file in a VM context of its own, with its own globals and modules, as in a worker of its own,
          // without a worker's start for every file: these files took 59 s against 161 s in worker threads (same
          // machine, same hour).
          pool: 'vmThreads',
        },
      },
      {
        plugins: [WxtVitest()],
        test: { ...unit, name: 'unit-own-realm', include: OWN_REALM },
      },
      {
        test: {
          name: 'convex',
          testTimeout,
          include: ['tests/convex/**/*.test.ts'],
          environment: 'edge-runtime',
          server: { deps: { inline: ['convex-test'] } },
          // convex/testing.ts runs only where a deployment sets this; a real one never does.
          env: { SAVEPOINT_TEST_FUNCTIONS: '1' },
        },
      },
    ],
  },
});
