import { ConvexHttpClient } from 'convex/browser';
import { makeFunctionReference } from 'convex/server';
import { contentHash } from '../lib/capture/canonical-json';
import type { Snapshot } from '../lib/capture/snapshot';

/** Bare mutations timed, after the warm-up ones. */
const CALLS = 60;
const WARM_UP_CALLS = 3;

/** A snapshot of the size the extension sends for the bot-names section. */
function snapshot(i: number): Snapshot {
  return {
    type: 'bot-names',
    title: 'Bot names',
    pageUrl: 'http://127.0.0.1/acme/settings',
    fields: [
      {
        key: 'primaryName',
        label: 'Primary bot name',
        value: `Baseline ${i}`,
        locator: { inputType: 'text' },
      },
      { key: 'fallbackName', label: 'Fallback bot name', value: 'Backup', locator: { inputType: 'text' } },
      {
        key: 'greetingStyle',
        label: 'Greeting style',
        value: 'friendly',
        locator: { inputType: 'select-one' },
      },
    ],
    trigger: { kind: 'fetch' },
    leftOut: [],
  };
}

/** (ms) of each bare `writes:createBackup` round trip from Node to the local Convex at `url`. */
export async function timeBareMutations(url: string, accessKey: string): Promise<number[]> {
  const client = new ConvexHttpClient(url, { skipConvexDeploymentUrlCheck: true });
  const createBackup = makeFunctionReference<'action'>('writes:createBackup');
  const times: number[] = [];
  for (let i = 0; i < WARM_UP_CALLS + CALLS; i += 1) {
    // The server checks the hash against the snapshot, as it does for the extension's backups.
    const body = snapshot(i);
    const hash = await contentHash(body);
    const start = performance.now();
    await client.action(createBackup, {
      accessKey,
      workspace: 'acme',
      type: 'bot-names',
      clientBackupId: `bench-baseline-${i}-${Date.now()}`,
      data: JSON.stringify(body),
      contentHash: hash,
      source: 'auto',
      capturedAt: Date.now(),
      device: 'bench',
    });
    if (i >= WARM_UP_CALLS) times.push(performance.now() - start);
  }
  return times;
}
