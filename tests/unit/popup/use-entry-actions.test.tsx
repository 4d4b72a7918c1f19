// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEntryActions } from '../../../lib/popup/use-entry-actions';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const sent = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../lib/messaging/send-message', () => ({
  sendMessage: async (type: string) => {
    if (sent.fail) throw new Error('The backup could not be deleted');
    if (type === 'backup:not-a-save')
      return { rule: 'POST /api/workspaces/acme/bots/*/recount', dashboardId: 'd', managed: false };
    return undefined;
  },
}));

let root: Root;
let actions: ReturnType<typeof useEntryActions>;

/** The history's actions as the popup holds them while `workspace` is selected. */
function History({ workspace }: { workspace: string }) {
  actions = useEntryActions(workspace);
  return null;
}
const show = (workspace: string) => act(() => root.render(<History workspace={workspace} />));

beforeEach(() => {
  sent.fail = false;
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

describe("an entry's actions belong to the workspace they were taken in", () => {
  it('"No longer capturing" shows with the workspace whose backup was not a save, and again on coming back', async () => {
    show('acme');
    act(() => actions.ask('b1', 'not-a-save'));
    await act(() => actions.confirm('b1', 'not-a-save'));
    expect(actions.ignored?.rule).toBe('POST /api/workspaces/acme/bots/*/recount');
    show('globex');
    expect(actions.ignored).toBeNull();
    show('acme');
    expect(actions.ignored?.rule).toBe('POST /api/workspaces/acme/bots/*/recount');
  });

  it("a failed action's error and an open confirm stay with their workspace", async () => {
    show('acme');
    sent.fail = true;
    act(() => actions.ask('b1', 'delete'));
    await act(() => actions.confirm('b1', 'delete'));
    expect(actions.error).toBe('The backup could not be deleted');
    expect(actions.confirming).toEqual({ id: 'b1', kind: 'delete' });
    show('globex');
    expect(actions.error).toBeNull();
    expect(actions.confirming).toBeNull();
  });
});
