import { isRecord, resolveKey } from '../capture/body-path';
import { structuredBody } from '../capture/body-to-fields';
import type { Snapshot } from '../capture/snapshot';

/**
 * A backup this browser did not make (pulled from Convex, imported) as a restore by request sends it: its body cut
 * to the top-level members the dashboard's own save sent in this browser's captures of that request (`own`), its
 * fields to those that live in them, each named as this browser's capture named it (else by its key). Which
 * members a save carries and what the preview calls them are data in a backup: any capture key of the workspace,
 * or a crafted bundle, could otherwise add a member the dashboard's read shows and its save never sends (an
 * owner's email) under the label of a harmless field. With no capture of its own, nothing is left to send.
 */
export function asThisBrowserSavedIt(backup: Snapshot, own: readonly Snapshot[]): Snapshot {
  const request = backup.request;
  if (!request) return backup;
  const members = new Set<string>();
  const labels = new Map<string, string>();
  for (const snapshot of own) {
    const sent = structuredBody(snapshot.request?.body);
    if (isRecord(sent)) for (const key of Object.keys(sent)) members.add(key);
    for (const field of snapshot.fields) if (!labels.has(field.key)) labels.set(field.key, field.label);
  }
  const saved = structuredBody(request.body);
  if (!isRecord(saved)) return { ...backup, fields: [] };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(saved)) {
    if (members.has(key)) Object.defineProperty(body, key, { value, enumerable: true, writable: true });
  }
  const fields = backup.fields
    .filter((field) => {
      const first = resolveKey(saved, field.key)?.[0];
      return typeof first === 'string' && members.has(first);
    })
    .map((field) => ({ ...field, label: labels.get(field.key) ?? field.key }));
  return { ...backup, fields, request: { ...request, body } };
}
