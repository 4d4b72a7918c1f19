import { describe, expect, it } from 'vitest';
import { registerContentScripts, type ScriptingApi } from '../../../lib/background/register-content-scripts';
import type { WatchedDashboard } from '../../../lib/storage';

type Script = { id: string; js?: string[]; matches?: string[]; runAt?: string; world?: string };

/** A browser holding `registered` scripts, granting every origin. */
function fakeApi(registered: Script[]) {
  const scripts = new Map(registered.map((script) => [script.id, script]));
  const api = {
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (added: Script[]) => added.forEach((s) => scripts.set(s.id, s)),
      updateContentScripts: async (changed: Script[]) => changed.forEach((s) => scripts.set(s.id, s)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id)),
    },
    permissions: { contains: async () => true },
  };
  return { api: api as unknown as ScriptingApi, scripts };
}

const watched: WatchedDashboard[] = [
  { id: 'acme', pattern: 'https://dash.example/:workspace/settings*', extraLeftOut: [], managed: false },
];

describe('registerContentScripts', () => {
  it('registers only the MAIN-world bridge with the page: the capture agent comes after the load', async () => {
    const { api, scripts } = fakeApi([]);
    await registerContentScripts(watched, api);
    expect([...scripts.values()].map(({ id, js, runAt, world }) => ({ id, js, runAt, world }))).toEqual([
      { id: 'savepoint-bridge', js: ['content-scripts/bridge.js'], runAt: 'document_start', world: 'MAIN' },
    ]);
  });

  it('removes the document_idle capture script an earlier version registered', async () => {
    const { api, scripts } = fakeApi([
      {
        id: 'savepoint-capture',
        js: ['capture.js'],
        matches: ['https://dash.example/*'],
        runAt: 'document_idle',
      },
    ]);
    await registerContentScripts(watched, api);
    expect([...scripts.keys()]).toEqual(['savepoint-bridge']);
  });

  it('removes everything when nothing is watched', async () => {
    const { api, scripts } = fakeApi([]);
    await registerContentScripts(watched, api);
    await registerContentScripts([], api);
    expect([...scripts.keys()]).toEqual([]);
  });
});
