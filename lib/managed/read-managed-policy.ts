import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ManagedPolicy } from './managed-policy';

/** `storage.local` key whose object stands in for the managed policy in the test build (Playwright can't install policies). */
export const TEST_POLICY_KEY = 'testManagedPolicy';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readRawPolicy(): Promise<unknown> {
  // Vite replaces MODE at build time, so production builds do not even contain this branch.
  if (import.meta.env.MODE === 'test') {
    const stored = await browser.storage.local.get(TEST_POLICY_KEY);
    if (isPlainObject(stored[TEST_POLICY_KEY])) return stored[TEST_POLICY_KEY];
  }
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy installed (Firefox rejects, some Chromium builds lack the area): nothing is managed.
    return {};
  }
}

/** The administrator's managed policy, validated; empty when none is installed. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  return parseManagedPolicy(await readRawPolicy());
}
