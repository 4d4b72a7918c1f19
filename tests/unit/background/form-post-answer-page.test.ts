// DokuWiki's Configuration Manager answers a refused value with 200 and the form again, the field marked: the page
// that answers a 2xx form post says whether the server accepted it.
import { describe, expect, it, vi } from 'vitest';
import { createAnswerPages } from '../../../lib/background/create-answer-pages';
import { createFormPostTracker } from '../../../lib/background/form-post-tracker';
import type { SentBody } from '../../../lib/page/bridge/sent-body';

const url = 'http://127.0.0.1:8080/doku.php';
const carries = async (sent: SentBody) => sent.kind === 'form' && sent.fields.title?.[0] === 'a';
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const onAccepted = vi.fn();
  let fire: (() => void) | undefined;
  const pages = createAnswerPages({
    setTimer: (run) => {
      fire = run;
      return 1;
    },
    clearTimer: () => {
      fire = undefined;
    },
  });
  const tracker = createFormPostTracker(onAccepted, Date.now, pages);
  const post = (status: number) => {
    tracker.submitted(7, url, 'snapshot', carries);
    tracker.posted('r1', 7, url, { formData: { title: ['a'] } });
    tracker.answered(7, url, status, 'r1');
  };
  return { onAccepted, tracker, post, timeout: () => fire?.() };
}

describe('a form post answered 2xx waits for its answering page', () => {
  it('is not captured when the page sends the form back with a field marked refused', async () => {
    const { onAccepted, tracker, post } = setUp();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    post(200);
    await settled();
    expect(onAccepted).not.toHaveBeenCalled();
    tracker.pageShown(7, true);
    await settled();
    expect(onAccepted).not.toHaveBeenCalled();
  });

  it('is captured when the page shows nothing refused, or says nothing in time', async () => {
    const shown = setUp();
    shown.post(200);
    shown.tracker.pageShown(7, false);
    await settled();
    // Answered 200 with a page: not a redirect (that page may show what was posted).
    expect(shown.onAccepted).toHaveBeenCalledWith('snapshot', 7, false);

    const silent = setUp();
    silent.post(200);
    await settled();
    silent.timeout();
    await settled();
    expect(silent.onAccepted).toHaveBeenCalledWith('snapshot', 7, false);
  });

  it("counts only what a page shows after the answer (the page the post left said it before) and another tab's not at all", async () => {
    const { onAccepted, tracker, post } = setUp();
    tracker.pageShown(7, true);
    post(200);
    tracker.pageShown(8, true);
    tracker.pageShown(7, false);
    await settled();
    expect(onAccepted).toHaveBeenCalledTimes(1);
  });

  it('a redirect after the post is captured at once', async () => {
    const { onAccepted, post } = setUp();
    post(303);
    await settled();
    expect(onAccepted).toHaveBeenCalledTimes(1);
  });
});
