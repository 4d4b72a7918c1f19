// @vitest-environment happy-dom
// A partial restore on the page puts back what the page shows unlike what the dashboard holds. The page is the one
// that knows what the dashboard holds: the form as it loaded (a teammate's save included) or as it last saved it.
// Compared with this browser's own newest backup instead, a teammate's change the page loaded counted as an edit
// typed here, and the restore put this browser's older value back over it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridgeMessage } from '../../../lib/page/bridge/bridge-protocol';
import { PAGE_AGENT } from '../../../lib/page/capture-agent/claim-page';
import { startCapture } from '../../../lib/page/capture-agent/start-capture';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';

const PAGE = 'https://dash.example.com/acme/settings';
type Listener = (raw: unknown, sender: { id?: string }, reply: (value: unknown) => void) => boolean;

let listeners: Listener[];
let sent: { type: string; data: { drafts?: SnapshotDraft[] } }[];
/** What the worker answers a reported save: recorded, or not a save. */
let savedReply: { id: string; added: boolean } | { dropped: string };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  listeners = [];
  sent = [];
  savedReply = { id: 'b1', added: true };
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
  document.body.innerHTML = `<form id="settings"><h2>General</h2>
    <label>Wiki title <input name="title" value="Teammate's title"></label>
    <label>Tagline <input name="tagline" value="Saved tagline"></label>
    <button type="submit">Save</button></form>`;
  // The content script's own runtime (extension-runtime.ts), in place of the test set-up's fake browser.
  vi.stubGlobal('browser', {
    runtime: {
      id: 'savepoint',
      sendMessage: async (message: { type: string; data: { drafts?: SnapshotDraft[] } }) => {
        sent.push(message);
        const value =
          message.type === 'content:config'
            ? { watched: true }
            : message.type === 'capture:saved'
              ? savedReply
              : {};
        return { ok: true, value };
      },
      onMessage: {
        addListener: (listener: Listener) => listeners.push(listener),
        removeListener: () => undefined,
      },
    },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  (globalThis as Record<symbol, unknown>)[PAGE_AGENT] = undefined;
});

/** What the page answers when a restore asks what it shows. */
async function ask(): Promise<SnapshotDraft[]> {
  const reply = await new Promise<{ ok: boolean; value: { drafts: SnapshotDraft[] } }>((resolve) => {
    for (const listener of listeners)
      listener({ type: 'tab:collect' }, { id: 'savepoint' }, resolve as never);
  });
  return reply.value.drafts;
}

const values = (fields: { key: string; value: unknown }[] | undefined) =>
  Object.fromEntries((fields ?? []).map((field) => [field.key, field.value]));
const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
const focus = (name: string) => input(name).dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

/** Starts the capture script, lets the page settle (its read 1 s after the load), focuses `name`, and asks. */
async function settleFocusAndAsk(name: string): Promise<SnapshotDraft | undefined> {
  await startCapture();
  await vi.advanceTimersByTimeAsync(1_500);
  focus(name);
  return (await ask())[0];
}

/** The user edits the Tagline and presses Save; the page's fetch is accepted, the bridge reports it. */
async function saveTagline(value: string) {
  focus('tagline');
  input('tagline').value = value;
  document.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  window.dispatchEvent(
    new MessageEvent('message', {
      source: window,
      origin: new URL(PAGE).origin,
      data: createBridgeMessage(
        {
          via: 'fetch',
          method: 'PUT',
          url: `${new URL(PAGE).origin}/api/settings`,
          status: 200,
          body: { kind: 'json', value: { title: "Teammate's title", tagline: value } },
        },
        1,
      ),
    }),
  );
  await vi.waitFor(() => expect(sent.some((message) => message.type === 'capture:saved')).toBe(true));
  // The worker's answer, then the baseline.
  await vi.advanceTimersByTimeAsync(0);
}

describe('the page tells a restore what the dashboard holds', () => {
  it('a field focused and then edited: the section as it was before the edit', async () => {
    await startCapture();
    focus('tagline');
    input('tagline').value = 'UNSAVED DRAFT';
    const [draft] = await ask();
    expect(values(draft?.section?.fields)).toEqual({ title: "Teammate's title", tagline: 'UNSAVED DRAFT' });
    expect(values(draft?.section?.loaded)).toEqual({ title: "Teammate's title", tagline: 'Saved tagline' });
  });

  it('once the page has settled: the section as it loaded, whatever is typed later without a focus event', async () => {
    await startCapture();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(sent.some((message) => message.type === 'capture:drift')).toBe(true);
    input('title').value = 'Typed by a script';
    const [draft] = await ask();
    expect(values(draft?.section?.loaded)).toEqual({ title: "Teammate's title", tagline: 'Saved tagline' });
  });

  it('before either, it does not say (the restore falls back to the newest save made here)', async () => {
    await startCapture();
    input('title').value = 'Typed';
    const [draft] = await ask();
    expect(draft?.section?.fields).toHaveLength(2);
    expect(draft?.section?.loaded).toBeUndefined();
  });

  it('after a save the page made, the section as it saved it', async () => {
    await startCapture();
    await saveTagline('New tagline');
    input('title').value = 'Typed after the save';
    const [draft] = await ask();
    expect(values(draft?.section?.loaded)).toEqual({ title: "Teammate's title", tagline: 'New tagline' });
  });

  it('a write the worker did not take for a save (a "Test connection" post) leaves the section as it was', async () => {
    savedReply = { dropped: 'not a settings save' };
    await startCapture();
    await saveTagline('Not saved');
    const [draft] = await ask();
    expect(values(draft?.section?.loaded)).toEqual({ title: "Teammate's title", tagline: 'Saved tagline' });
  });

  it('a form the server sent back refused: its values were typed, never saved, so it does not say', async () => {
    // A classic post the server refused answers 200 with the form as typed, a field marked (DokuWiki's td.error).
    document.body.innerHTML = `<form id="settings"><h2>General</h2>
      <label>Wiki title <input name="title" value="Refused draft"></label>
      <div class="error"><label>Breadcrumbs <input name="breadcrumbs" value="many"></label></div>
      <button type="submit">Save</button></form>`;
    const draft = await settleFocusAndAsk('title');
    expect(draft?.section?.fields).toHaveLength(2);
    expect(draft?.section?.loaded).toBeUndefined();
  });

  it('given to a tab long after it loaded (an update of Savepoint): the user may have typed already, so it does not say', async () => {
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ loadEventEnd: 1_000 }] as never);
    vi.spyOn(performance, 'now').mockReturnValue(600_000);
    input('title').value = 'Typed before Savepoint was given the page';
    const draft = await settleFocusAndAsk('tagline');
    expect(draft?.section?.fields).toHaveLength(2);
    expect(draft?.section?.loaded).toBeUndefined();
  });

  it('a field that shows other than the markup when it starts (typed before it was given the page): it does not say', async () => {
    input('title').value = 'Typed before Savepoint was given the page';
    const draft = await settleFocusAndAsk('tagline');
    expect(draft?.section?.fields).toHaveLength(2);
    expect(draft?.section?.loaded).toBeUndefined();
  });

  it("values the page's script filled in after it settled (a late answer) are what it loaded, once a field takes the focus", async () => {
    await startCapture();
    await vi.advanceTimersByTimeAsync(1_500);
    // The dashboard's answer comes late: its script fills the form in, then the user edits the tagline.
    input('title').value = 'Title the server sent late';
    focus('tagline');
    input('tagline').value = 'UNSAVED DRAFT';
    const [draft] = await ask();
    expect(values(draft?.section?.loaded)).toEqual({
      title: 'Title the server sent late',
      tagline: 'Saved tagline',
    });
  });

  it('once a field has changed with an event (typed, or filled by a restore the dashboard refused), a focus keeps the baseline', async () => {
    await startCapture();
    await vi.advanceTimersByTimeAsync(1_500);
    input('title').value = 'Filled by a refused restore';
    input('title').dispatchEvent(new Event('input', { bubbles: true }));
    focus('tagline');
    const [draft] = await ask();
    expect(values(draft?.section?.loaded)).toEqual({ title: "Teammate's title", tagline: 'Saved tagline' });
  });

  it('does not send the baseline with a drift check', async () => {
    await startCapture();
    await vi.advanceTimersByTimeAsync(1_500);
    const drift = sent.find((message) => message.type === 'capture:drift');
    expect(drift?.data.drafts?.[0]?.section?.loaded).toBeUndefined();
  });
});
