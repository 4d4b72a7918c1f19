import { useRef } from 'react';
import { cleanText, withoutBidiControls } from '../../lib/capture/clean-text';
import type { StaleTab } from '../../lib/messaging/apply-report';
import { useFocusWhenGone } from '../../lib/popup/use-focus-when-gone';

/** (characters) of a tab's title shown: a page names its own tab, as long as it likes. */
const MAX_TITLE = 80;

/** A tab's title as the page set it, on one line, cut, and without bidi controls that would reorder what follows. */
function shownTitle(title: string): string {
  const clean = cleanText(withoutBidiControls(title), Infinity);
  return clean.length > MAX_TITLE ? `${clean.slice(0, MAX_TITLE - 1).trimEnd()}…` : clean;
}

interface Props {
  tabs: StaleTab[];
  reloaded: boolean;
  onReload: () => void;
}

/**
 * Dashboard tabs still show the settings from before a restore, and saving there would undo it: "Reload page", when
 * the user asks (never on its own: the page may hold unsaved work, such as Node-RED's flows).
 */
export function StaleTabsNotice({ tabs, reloaded, onReload }: Props) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const pressed = useFocusWhenGone(!reloaded, textRef);
  const one = tabs.length === 1;
  const titles = tabs.map((tab) => `“${shownTitle(tab.title)}”`).join(', ');
  return (
    <section className="panel stale" aria-label="Pages to reload" data-testid="report-stale">
      <p ref={textRef} tabIndex={-1} role="status">
        {reloaded ? (
          `Reloaded: ${one ? 'the page shows' : 'the pages show'} the restored settings.`
        ) : (
          <>
            <strong>{one ? titles : `${tabs.length} tabs of this dashboard (${titles})`}</strong> still{' '}
            {one ? 'shows' : 'show'} the settings from before the restore: saving them there would undo it.
            Reload {one ? 'it' : 'them'} before you save there (anything unsaved {one ? 'on it' : 'on them'}{' '}
            is lost).
          </>
        )}
      </p>
      {reloaded ? null : (
        <div className="row">
          <button
            type="button"
            className="button small"
            onClick={() => {
              pressed();
              onReload();
            }}
          >
            {one ? 'Reload page' : `Reload ${tabs.length} pages`}
          </button>
        </div>
      )}
    </section>
  );
}
