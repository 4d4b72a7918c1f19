import { describe, expect, it, vi } from 'vitest';
import { createFormPostTracker, PAIRING_WINDOW } from '../../../lib/background/form-post-tracker';

describe('createFormPostTracker', () => {
  const url = 'http://127.0.0.1:4400/acme/settings/intern';

  it.each([
    [303, true],
    [302, true],
    [200, true],
    [500, false],
    [422, false],
  ])('a post answered %i is accepted: %s', (status, accepted) => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.submitted(7, url, 'snapshot');
    tracker.answered(7, url, status);
    expect(onAccepted).toHaveBeenCalledTimes(accepted ? 1 : 0);
  });

  it('pairs a response that arrives before the content script reports the submit', () => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.answered(7, url, 303);
    tracker.submitted(7, url, 'snapshot');
    expect(onAccepted).toHaveBeenCalledWith('snapshot', 7);
  });

  it('does not pair posts of another tab, another URL, or after a network failure', () => {
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted);
    tracker.submitted(7, url, 'a');
    tracker.answered(8, url, 303);
    tracker.answered(7, `${url}/other`, 303);
    tracker.failed(7, url);
    tracker.answered(7, url, 303);
    expect(onAccepted).not.toHaveBeenCalled();
  });

  it('forgets submits older than the pairing window', () => {
    let now = 0;
    const onAccepted = vi.fn();
    const tracker = createFormPostTracker(onAccepted, () => now);
    tracker.submitted(7, url, 'old');
    now = PAIRING_WINDOW + 1;
    tracker.answered(7, url, 303);
    expect(onAccepted).not.toHaveBeenCalled();
  });
});
