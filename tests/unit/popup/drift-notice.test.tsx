// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftNotice } from '../../../components/popup/DriftNotice';
import type { Drift } from '../../../lib/storage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

/** The notice for `sections`, and the backups its Review buttons opened. */
function notice(sections: Drift['sections']) {
  const reviewed: string[] = [];
  const element = document.createElement('div');
  document.body.append(element);
  root = createRoot(element);
  const drift: Drift = { changed: 3, since: 0, sections, checkedAt: 0 };
  act(() =>
    root?.render(
      <DriftNotice
        drift={drift}
        canCapture
        capturing={false}
        captured={null}
        onCapture={() => undefined}
        onReview={(id) => reviewed.push(id)}
      />,
    ),
  );
  const buttons = [...element.querySelectorAll('button')].filter((button) =>
    button.textContent?.startsWith('Review'),
  );
  return { buttons, reviewed };
}

describe('the notice of changes since the last backup', () => {
  it('one changed section: "Review changes" opens it', () => {
    const { buttons, reviewed } = notice([
      { type: 'bot-names', title: 'Bot names', changed: 3, backupId: 'a' },
    ]);
    expect(buttons.map((button) => button.textContent)).toEqual(['Review changes']);
    act(() => buttons[0]?.click());
    expect(reviewed).toEqual(['a']);
  });

  it('several: a Review for each, so the changes of the second are in reach too', () => {
    const { buttons, reviewed } = notice([
      { type: 'bot-names', title: 'Bot names', changed: 1, backupId: 'a' },
      { type: 'intern', title: '', changed: 2, backupId: 'b' },
    ]);
    expect(buttons.map((button) => button.textContent)).toEqual(['Review Bot names', 'Review Intern']);
    act(() => buttons[1]?.click());
    expect(reviewed).toEqual(['b']);
  });
});
