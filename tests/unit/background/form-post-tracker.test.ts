import { describe, expect, it, vi } from 'vitest';
import { createFormPostTracker, PAIRING_WINDOW } from '../../../lib/background/form-post-tracker';
import type { SentBody } from '../../../lib/page/bridge/sent-body';

/** A submit whose values are `note=a`: the post must carry them. */
const carriesNoteA = async (sent: SentBody) => sent.kind === 'form' && sent.fields.note?.[0] === 'a';
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createFormPostTracker', () => {
  const url = 'http://127.0.0.1:4400/acme/settings/intern';

  it.each([
    [303, true],
    [302, true],
    [200, true],
    [500, false],
    [422, false],
  ])('a post answered %i is accepted: %s', async (status, accepted) => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.submitted(7, url, 'snapshot', carriesNoteA);
    tracker.posted('r1', 7, url, { formData: { note: ['a'] } });
    tracker.answered(7, url, status, 'r1');
    await settled();
    expect(onAccepted).toHaveBeenCalledTimes(accepted ? 1 : 0);
  });

  it('pairs a response that arrives before the content script reports the submit', async () => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.posted('r1', 7, url, { formData: { note: ['a'] } });
    tracker.answered(7, url, 303, 'r1');
    tracker.submitted(7, url, 'snapshot', carriesNoteA);
    await settled();
    // Answered by a redirect: the page that follows is a fresh read of what the server holds.
    expect(onAccepted).toHaveBeenCalledWith('snapshot', 7, true);
  });

  it('does not pair posts of another tab, another URL, or after a network failure', async () => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.submitted(7, url, 'a', carriesNoteA);
    tracker.posted('r1', 8, url, { formData: { note: ['a'] } });
    tracker.answered(8, url, 303, 'r1');
    tracker.posted('r2', 7, `${url}/other`, { formData: { note: ['a'] } });
    tracker.answered(7, `${url}/other`, 303, 'r2');
    tracker.posted('r3', 7, url, { formData: { note: ['a'] } });
    tracker.failed(7, url);
    tracker.answered(7, url, 303, 'r3');
    await settled();
    expect(onAccepted).not.toHaveBeenCalled();
  });

  it('forgets submits older than the pairing window', async () => {
    let now = 0;
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted, () => now);
    tracker.submitted(7, url, 'old', carriesNoteA);
    now = PAIRING_WINDOW + 1;
    tracker.posted('r1', 7, url, { formData: { note: ['a'] } });
    tracker.answered(7, url, 303, 'r1');
    await settled();
    expect(onAccepted).not.toHaveBeenCalled();
  });

  it.each([
    ['a body that does not carry the submit’s values', { formData: { note: ['b'] } }],
    ['a post whose body the browser did not show', undefined],
  ])('refuses %s', async (_name, body) => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    tracker.submitted(7, url, 'forged', carriesNoteA);
    if (body) tracker.posted('r1', 7, url, body);
    tracker.answered(7, url, 303, 'r1');
    await settled();
    expect(onAccepted).not.toHaveBeenCalled();
  });
});
