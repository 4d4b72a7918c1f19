/** Where the page's capture agent announces itself, in the extension's isolated world of that page. */
export const PAGE_AGENT = Symbol.for('savepoint.capture.agent');

/** What a page's agent leaves at `PAGE_AGENT`: whether it is still live, and whether it listens for saves yet. */
export interface PageAgentMark {
  (): boolean;
  listening?: boolean;
}

/**
 * Makes this copy of the capture script the page's one agent, unless a live one is already there (the script may be
 * injected again at a browser start or after an update). An orphan of an updated extension is not live, so the new
 * copy takes over. Returns how to release the claim or mark the agent listening, or null when another agent runs.
 */
export function claimPage(isAlive: () => boolean): { release: () => void; listening: () => void } | null {
  const scope = globalThis as Record<symbol, unknown>;
  const existing = scope[PAGE_AGENT] as PageAgentMark | undefined;
  if (typeof existing === 'function' && existing()) return null;
  const mark: PageAgentMark = () => isAlive();
  scope[PAGE_AGENT] = mark;
  return {
    release: () => {
      if (scope[PAGE_AGENT] === mark) scope[PAGE_AGENT] = undefined;
    },
    listening: () => {
      mark.listening = true;
    },
  };
}
