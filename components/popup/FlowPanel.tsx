import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onBack: () => void;
  children: ReactNode;
}

/** A full-height panel in place of the history (restore, diff): its heading takes focus, Escape goes back. */
export function FlowPanel({ title, onBack, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section
      className="flow-panel"
      aria-labelledby="flow-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onBack();
      }}
    >
      <div className="flow-head">
        <button type="button" className="button small subtle" onClick={onBack} aria-label="Back to history">
          ←
        </button>
        <h2 id="flow-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
      </div>
      <div className="flow-body">{children}</div>
    </section>
  );
}
