import { SECOND } from '../time';

/** (ms) an object URL outlives its click, so the download has started before it is revoked. */
const REVOKE_DELAY = 10 * SECOND;

/** Saves a value as a JSON file through an object URL and a temporary `<a download>`. */
export function downloadJson(value: unknown, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY);
}
