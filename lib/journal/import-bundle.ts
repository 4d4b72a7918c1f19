import type { ImportReport } from '../messaging';
import type { Journal } from './create-journal';

/** Imports an exported bundle into the journal; nothing is applied unless every entry is valid. */
export async function importBundle(_journal: Journal, _bundle: unknown): Promise<ImportReport> {
  return { added: 0, identical: 0, invalid: [{ index: -1, reason: 'Import is not available yet' }] };
}
