import { secretHash } from '../capture/secret-hash';
import type { CapturedField, Snapshot } from '../capture/snapshot';

/**
 * Secrets typed on the page and not saved, which the page's Save would send with a restore (a secret is never stored,
 * so unsavedOnPage cannot put one back): one the page held empty (a password a dashboard never shows) is emptied
 * again (`putBack`); for any other, `blocked` names the first, and nothing may be saved. `held` is what the dashboard
 * holds as far as this browser knows (heldSection), hashed with this browser's `salt`.
 */
export async function typedSecrets(
  page: Snapshot,
  held: Pick<Snapshot, 'fields'> | null,
  salt: string,
): Promise<{ putBack: CapturedField[]; blocked?: CapturedField }> {
  const putBack: CapturedField[] = [];
  for (const field of page.fields) {
    const was = held?.fields.find((candidate) => candidate.key === field.key)?.secret?.hash;
    if (!field.secret || !was || was === field.secret.hash) continue;
    if (was !== (await secretHash(salt, field.key, ''))) return { putBack, blocked: field };
    putBack.push({ ...field, value: '' });
  }
  return { putBack };
}
