import type { ReactNode } from 'react';

interface Props {
  /** The row's element: a paragraph of its own, or a block inside one. */
  as: 'p' | 'div';
  className: string;
  /** The parts, in order; a null one is left out. */
  parts: ReactNode[];
  /** A class of each part's own, beside `part`. */
  partClassName?: string;
}

/**
 * Short facts in a row ("first backup · 1.0 KB · Chromium on Linux"): a part that does not fit on its line moves to
 * the next one whole, and the "·" before it shows only between two parts on one line (style.css, `.parts`).
 * lib/popup/paint-first-screen.ts draws the same row without React.
 */
export function Parts({ as: Row, className, parts, partClassName }: Props) {
  const shown = parts.filter((part) => part !== null);
  return (
    <Row className={`parts ${className}`}>
      {shown.map((part, index) => (
        <span key={index} className={partClassName ? `part ${partClassName}` : 'part'}>
          {index > 0 ? (
            <span className="part-sep" aria-hidden="true">
              ·
            </span>
          ) : null}
          {part}
        </span>
      ))}
    </Row>
  );
}
