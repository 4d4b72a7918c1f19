import { vi } from 'vitest';

/** URL of the fake dashboard page the bridge runs in. */
export const PAGE_URL = 'https://app.example.com/settings/general';
export const PAGE_ORIGIN = 'https://app.example.com';

/** A window stand-in: the happy-dom constructors plus whatever a test overrides (fetch, XMLHttpRequest, …). */
export function fakeWindow(overrides: Record<string, unknown> = {}): Window & typeof globalThis {
  return {
    location: { href: PAGE_URL, origin: PAGE_ORIGIN },
    document: { baseURI: PAGE_URL },
    Request,
    Blob,
    FormData,
    URLSearchParams,
    ReadableStream,
    postMessage: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    ...overrides,
  } as unknown as Window & typeof globalThis;
}

/** Rounds of timers `settle` waits: as deep as the chain of timers a test's save may start (the XHR's answer, then the bridge's report). */
const SETTLE_ROUNDS = 5;

/**
 * Lets pending promise callbacks and timers run. In rounds, each timer queued after those the round before queued:
 * a single 5 ms timer let a busy machine (two test workers on two cores) run it before the report's timer, which
 * the XHR's answer queues only once its own timer has run.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < SETTLE_ROUNDS; round += 1)
    await new Promise((resolve) => setTimeout(resolve, 1));
}
