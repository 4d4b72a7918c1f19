/** Outcome of the last action of a section: green when it worked, red when not, neutral while waiting. */
export interface Status {
  tone: 'ok' | 'error' | 'info';
  text: string;
}

/** A live region that is always present, so screen readers announce each new outcome. */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <p role="status" className={`status ${status ? `status-${status.tone}` : ''}`}>
      {status?.text ?? ''}
    </p>
  );
}
