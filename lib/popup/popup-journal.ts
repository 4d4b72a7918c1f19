import { createJournal, type Journal } from '../journal/create-journal';
import { openJournal } from '../journal/open-journal';

let opened: Promise<Journal> | null = null;

/**
 * The local journal, opened once per popup (same extension origin as the background, read-only use here). The
 * popup's entry asks for it before anything renders, so the database opens while the rest loads.
 */
export function popupJournal(): Promise<Journal> {
  opened ??= openJournal().then(createJournal);
  return opened;
}
