import { resolveKey, setAtPath } from '../capture/body-path';
import { structuredBody } from '../capture/body-to-fields';
import { secretHash } from '../capture/secret-hash';
import type { Snapshot } from '../capture/snapshot';
import type { RequestRestorePlan } from './plan-request-restore';

/**
 * Why the planned save must not be sent, or null: the dashboard's current settings could not be read (`read`
 * false), so the body stands on a backup's, and it would go without values the dashboard's own save sends and
 * Savepoint never stores (an API key, a password). A save that replaces the whole resource (Syncthing's
 * `PUT /rest/config`) erases them, or makes the dashboard generate new ones. A `PATCH` changes only the members it
 * sends. A read that does not show them (a write-only secret, as Grafana keeps a data source's password) tells
 * that the dashboard's own page cannot send them back either: its save keeps them. The preview and the restore ask
 * the same question.
 */
export function erasedSecrets(
  plan: RequestRestorePlan,
  backup: Snapshot,
  method: string,
  read: boolean,
): string | null {
  if (read || !plan.withoutSecrets.length || method.toUpperCase() === 'PATCH') return null;
  const labels = new Map(backup.fields.map((field) => [field.key, field.label || field.key]));
  const named = plan.withoutSecrets.slice(0, 3).map((key) => labels.get(key) ?? key);
  const more = plan.withoutSecrets.length - named.length;
  return `The dashboard's save also sends ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}, which Savepoint never stores, and the dashboard's current settings could not be read to take them from: sent without them, the save could erase them, so Savepoint does not send it. Open the page with these settings and restore there`;
}

/**
 * `plan` with the left-out secrets the dashboard's own save sent empty put back empty: an empty value is no
 * secret, and a page that sends a blank key field to keep the current key ("leave blank to keep") sends it so. A
 * secret's hash tells it was empty only when this browser made it (`salt` is this install's).
 */
export async function withEmptySecrets(
  plan: RequestRestorePlan,
  backup: Snapshot,
  salt: string,
): Promise<RequestRestorePlan> {
  let { body } = plan;
  const withoutSecrets: string[] = [];
  for (const key of plan.withoutSecrets) {
    const field = backup.fields.find((candidate) => candidate.key === key);
    const segments = resolveKey(structuredBody(backup.request?.body), key);
    if (segments && field?.secret?.hash === (await secretHash(salt, key, '')))
      body = setAtPath(body, segments, '');
    else withoutSecrets.push(key);
  }
  return { ...plan, body, withoutSecrets };
}
