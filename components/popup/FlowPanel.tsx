import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onBack: () => void;
  children: ReactNode;
}

/** A full-height panel over the history (restore, diff) whose heading takes focus when it opens. */
export function FlowPanel({ title, onBack, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="flow-panel" aria-labelledby="flow-title">
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
