import { useState } from 'react';
import { sendMessage } from '../messaging/send-message';

/** "Capture now" of the target tab, with an optional label and note, and the background's answer. */
export function useCaptureNow(tabId: number | null) {
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function capture() {
    if (tabId === null || busy) return;
    setBusy(true);
    setResult(null);
    try {
      const reply = await sendMessage('capture:now', {
        tabId,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setResult({ ok: reply.captured > 0, text: reply.message });
      if (reply.captured > 0) {
        setLabel('');
        setNote('');
      }
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return { label, setLabel, note, setNote, busy, result, capture };
}
