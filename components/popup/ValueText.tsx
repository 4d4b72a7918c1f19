import { useState } from 'react';

/** (UTF-16 units) Values longer than this show their start and a button that shows them whole. */
const LONG = 160;
/** (characters) How much of a long value shows until then. */
const START = 120;

/**
 * A value's text in a change table: a long one (a pasted certificate, a 300-character title) shows its first
 * characters and "Show all N characters", so that it does not push every row after it out of the popup.
 */
export function ValueText({ text, className }: { text: string; className: string }) {
  const [whole, setWhole] = useState(false);
  if (text.length <= LONG || whole) return <span className={className}>{text}</span>;
  const characters = Array.from(text);
  return (
    <span className={className}>
      {`${characters.slice(0, START).join('')}… `}
      <button type="button" className="link" onClick={() => setWhole(true)}>
        Show all {characters.length} characters
      </button>
    </span>
  );
}
