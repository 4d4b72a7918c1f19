import { useState } from 'react';
import { sendMessage } from '../messaging/send-message';

/** "Capture now" of the target tab, with an optional label and note, and the background's answer. */
export function useCaptureNow(tabId: number | null) {
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  /**
   * Captures the page; with `labelled`, under the label and note typed in the Tools menu (not for "Capture changes",
   * whose user may never have seen what was left typed there). Returns what the background said, or null when a
   * capture is already under way or there is no tab.
   */
  async function capture({ labelled = true }: { labelled?: boolean } = {}) {
    if (tabId === null || busy) return null;
    setBusy(true);
    setResult(null);
    let outcome: { ok: boolean; text: string };
    try {
      const reply = await sendMessage('capture:now', {
        tabId,
        ...(labelled && label.trim() ? { label: label.trim() } : {}),
        ...(labelled && note.trim() ? { note: note.trim() } : {}),
      });
      outcome = { ok: reply.captured > 0, text: reply.message };
      if (reply.captured > 0 && labelled) {
        setLabel('');
        setNote('');
      }
    } catch (error) {
      outcome = { ok: false, text: (error as Error).message };
    } finally {
      setBusy(false);
    }
    setResult(outcome);
    return outcome;
  }

  return { label, setLabel, note, setNote, busy, result, capture };
}
