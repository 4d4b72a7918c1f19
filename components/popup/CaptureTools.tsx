import type { useCaptureNow } from '../../lib/popup/use-capture-now';
import { BusyButton } from './BusyButton';
import { Notice } from './Notice';

interface Props {
  capture: ReturnType<typeof useCaptureNow>;
  shortcut: string | null;
  /** Why capturing is not possible here, or null when it is. */
  unavailable: string | null;
}

/** "Capture now" of the page in the target tab, with an optional label and note. */
export function CaptureTools({ capture, shortcut, unavailable }: Props) {
  return (
    <form
      className="panel capture-tools"
      aria-label="Capture now"
      onSubmit={(event) => {
        event.preventDefault();
        void capture.capture();
      }}
    >
      <div className="field-pair">
        <label>
          <span>Label</span>
          <input
            type="text"
            maxLength={200}
            value={capture.label}
            placeholder="e.g. Before upgrade"
            onChange={(event) => capture.setLabel(event.target.value)}
          />
        </label>
        <label>
          <span>Note</span>
          <input
            type="text"
            maxLength={2000}
            value={capture.note}
            placeholder="Optional"
            onChange={(event) => capture.setNote(event.target.value)}
          />
        </label>
      </div>
      <div className="row">
        <BusyButton
          type="submit"
          className="button primary"
          busy={capture.busy}
          busyText="Capturing…"
          unavailable={unavailable !== null}
        >
          Capture now
        </BusyButton>
        {shortcut ? (
          <kbd className="shortcut" title="Keyboard shortcut for Capture now">
            {shortcut}
          </kbd>
        ) : null}
        {unavailable ? <span className="hint">{unavailable}</span> : null}
      </div>
      {capture.result ? (
        <Notice tone={capture.result.ok ? 'ok' : 'error'}>{capture.result.text}</Notice>
      ) : null}
    </form>
  );
}
