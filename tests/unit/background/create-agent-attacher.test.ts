import { describe, expect, it } from 'vitest';
import { ATTACH_FALLBACK, createAgentAttacher } from '../../../lib/background/create-agent-attacher';

const WATCHED = 'https://dash.example/acme/settings';

/** A browser whose tabs load when told, with timers run by hand. */
function fakeBrowser(complete: Set<number> = new Set(), urls: Record<number, string> = {}) {
  const injected: number[] = [];
  const documents: (string | undefined)[] = [];
  const timers = new Map<number, { run: () => void; ms: number }>();
  let nextTimer = 1;
  let listener: ((tabId: number) => void) | null = null;
  let listened = 0;
  const attacher = createAgentAttacher({
    isComplete: async (tabId) => complete.has(tabId),
    onComplete(next) {
      listener = next;
      listened += 1;
      return () => {
        listener = null;
      };
    },
    isWatched: async (url) => url.startsWith('https://dash.example/acme/'),
    urlOf: async (tabId) => urls[tabId],
    async inject(tabId, documentId) {
      injected.push(tabId);
      documents.push(documentId);
      return [documentId ?? `document-of-${tabId}`];
    },
    setTimer(run, ms) {
      timers.set(nextTimer, { run, ms });
      return nextTimer++;
    },
    clearTimer: (timer) => timers.delete(timer as number),
  });
  return {
    attacher,
    injected,
    documents,
    timers,
    /** Whether the attacher listens to tab loads now. */
    listening: () => listener !== null,
    listened: () => listened,
    load(tabId: number) {
      complete.add(tabId);
      listener?.(tabId);
    },
  };
}

describe('createAgentAttacher', () => {
  it('gives a watched page its capture agent once it has loaded, not before', async () => {
    const browser = fakeBrowser();
    await browser.attacher.documentArrived(7, WATCHED);
    expect(browser.injected).toEqual([]);
    browser.load(7);
    expect(browser.injected).toEqual([7]);
    browser.load(7);
    expect(browser.injected).toEqual([7]);
  });

  it('leaves pages that are not watched alone and does not listen to loads for them', async () => {
    const browser = fakeBrowser();
    await browser.attacher.documentArrived(7, 'https://dash.example/about');
    expect(browser.listening()).toBe(false);
    browser.load(7);
    expect(browser.injected).toEqual([]);
  });

  it('listens to tab loads only while a dashboard page is loading', async () => {
    const browser = fakeBrowser();
    await browser.attacher.documentArrived(1, WATCHED);
    await browser.attacher.documentArrived(2, WATCHED);
    expect(browser.listened()).toBe(1);
    browser.load(1);
    expect(browser.listening()).toBe(true);
    browser.load(2);
    expect(browser.listening()).toBe(false);
    expect(browser.injected).toEqual([1, 2]);
    expect(browser.timers.size).toBe(0);
  });

  it('gives a page that loaded before it was told of the document its agent at once', async () => {
    const browser = fakeBrowser(new Set([7]));
    await browser.attacher.documentArrived(7, WATCHED);
    expect(browser.injected).toEqual([7]);
    expect(browser.listening()).toBe(false);
  });

  it('does not wait for a load that never ends: a user may already be changing settings', async () => {
    const browser = fakeBrowser();
    await browser.attacher.documentArrived(7, WATCHED);
    const [timer] = [...browser.timers.values()];
    expect(timer?.ms).toBe(ATTACH_FALLBACK);
    timer?.run();
    expect(browser.injected).toEqual([7]);
    expect(browser.listening()).toBe(false);
  });

  it('waits for the newest document of a tab that navigated again while loading', async () => {
    const browser = fakeBrowser();
    await browser.attacher.documentArrived(7, WATCHED);
    await browser.attacher.documentArrived(7, `${WATCHED}/intern`);
    expect(browser.timers.size).toBe(1);
    browser.load(7);
    expect(browser.injected).toEqual([7]);
  });

  describe('a document its service worker served (no document request)', () => {
    it('gets its agent from its first request, into that document, after the load', async () => {
      const browser = fakeBrowser(new Set(), { 7: WATCHED });
      await browser.attacher.requestSeen(7, 'doc-a');
      expect(browser.injected).toEqual([]);
      browser.load(7);
      expect(browser.documents).toEqual(['doc-a']);
      await browser.attacher.requestSeen(7, 'doc-a');
      browser.load(7);
      expect(browser.documents).toEqual(['doc-a']);
    });

    it('adds nothing for a document whose request arrived first: it already has its agent', async () => {
      const browser = fakeBrowser(new Set(), { 7: WATCHED });
      await browser.attacher.documentArrived(7, WATCHED);
      await browser.attacher.requestSeen(7, 'document-of-7');
      browser.load(7);
      await Promise.resolve();
      await browser.attacher.requestSeen(7, 'document-of-7');
      expect(browser.injected).toEqual([7]);
      expect(browser.documents).toEqual([undefined]);
    });

    it('leaves documents of pages that are not watched, and requests without a document id, alone', async () => {
      const browser = fakeBrowser(new Set([7, 8]), { 7: 'https://dash.example/about' });
      await browser.attacher.requestSeen(7, 'doc-a');
      await browser.attacher.requestSeen(8, undefined);
      expect(browser.injected).toEqual([]);
    });
  });
});
