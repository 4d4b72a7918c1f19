import { useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The menu's content, rendered only while it is open (so its code can load on demand). */
  children: ReactNode;
}

/** "Tools": a compact button that opens Capture now and Export/Import; Escape closes it and returns focus. */
export function ToolsMenu({ children }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="tools-menu">
      <button
        ref={button}
        type="button"
        className="button small"
        aria-expanded={open}
        aria-controls="tools-panel"
        onClick={() => setOpen((was) => !was)}
      >
        Tools <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open ? (
        <section
          id="tools-panel"
          className="tools-panel"
          aria-label="Tools"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          {children}
        </section>
      ) : null}
    </div>
  );
}
