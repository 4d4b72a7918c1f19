import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * (ms) per test, set in each project: a project does not inherit the root's (set there, the convex-test rate-limit
 * test still timed out at Vitest's default 5 s). That test, 1.7 s alone, took over 5 s with two files at a time on a
 * loaded machine.
 */
const testTimeout = 15_000;

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
          name: 'unit',
          testTimeout,
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          // Most unit tests need no page: a file that does says so in its first line (`// @vitest-environment
          // happy-dom`). A happy-dom window for every file cost the run 15 % of its time.
          environment: 'node',
          restoreMocks: true,
        },
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
