import { afterEach, describe, expect, it } from 'vitest';
import { ensurePageAgents } from '../../../lib/background/ensure-page-agents';

const BRIDGE = Symbol.for('savepoint.bridge.installed');
const AGENT = Symbol.for('savepoint.capture.agent');
const scope = globalThis as Record<symbol, unknown>;

/**
 * A tab whose MAIN world may hold the bridge and whose isolated world may hold a capture agent; a probe runs with
 * that world's marks on `globalThis`, as it would in the page.
 */
function fakeTab(page: { bridge: boolean; agent: 'live' | 'orphaned' | 'none' }) {
  const injected: string[] = [];
  const worlds: Record<string, Record<symbol, unknown>> = {
    MAIN: page.bridge ? { [BRIDGE]: true } : {},
    ISOLATED: page.agent === 'none' ? {} : { [AGENT]: () => page.agent === 'live' },
  };
  const scripting = {
    async executeScript({ world, files, func }: { world?: string; files?: string[]; func?: () => unknown }) {
      if (files) {
        injected.push(...files);
        return [];
      }
      Object.assign(scope, worlds[world ?? 'ISOLATED']);
      try {
        return [{ result: func?.() }];
      } finally {
        delete scope[BRIDGE];
        delete scope[AGENT];
      }
    },
  };
  return { injected, scripting: scripting as unknown as Parameters<typeof ensurePageAgents>[1] };
}

afterEach(() => {
  delete scope[BRIDGE];
  delete scope[AGENT];
});

describe('ensurePageAgents', () => {
  it('gives a page that loaded without Savepoint both scripts', async () => {
    const tab = fakeTab({ bridge: false, agent: 'none' });
    await ensurePageAgents(1, tab.scripting);
    expect(tab.injected).toEqual(['/content-scripts/bridge.js', '/capture.js']);
  });

  it('injects nothing into a page that already runs a live bridge and capture agent', async () => {
    const tab = fakeTab({ bridge: true, agent: 'live' });
    await ensurePageAgents(1, tab.scripting);
    expect(tab.injected).toEqual([]);
  });

  it("replaces an updated version's orphaned capture agent, keeping the bridge", async () => {
    const tab = fakeTab({ bridge: true, agent: 'orphaned' });
    await ensurePageAgents(1, tab.scripting);
    expect(tab.injected).toEqual(['/capture.js']);
  });
});
