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

/** Lets pending promise callbacks and timers run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
