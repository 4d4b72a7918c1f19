/** The id of the note, by which disabled buttons in the history are described. */
export const READ_ONLY_NOTE_ID = 'history-read-only';

/**
 * Why restore, pin and delete are disabled in this workspace (a capture key), said once above the history rather
 * than under every entry. lib/popup/paint-first-screen.ts draws the same note without React.
 */
export function ReadOnlyNote({ refusal }: { refusal: string }) {
  return (
    <p id={READ_ONLY_NOTE_ID} className="read-only-note">
      {refusal}
    </p>
  );
}
