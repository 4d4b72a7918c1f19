import { capturedRequestSchema, type Snapshot } from '../capture/snapshot';
import { z } from '../zod';

/**
 * Where a backup was captured: its page and the save request's method and address. The content hash leaves them
 * out (two identical saves hash the same), so backups of two workspaces with the same settings share one stored
 * body, which holds one of their places; each backup keeps its own here.
 */
export const backupPlaceSchema = z.object({
  pageUrl: z.string(),
  request: capturedRequestSchema.pick({ method: true, url: true }).optional(),
});
export type BackupPlace = z.infer<typeof backupPlaceSchema>;

/** The place `snapshot` was captured at. */
export function placeOf(snapshot: Snapshot): BackupPlace {
  const { pageUrl, request } = snapshot;
  return { pageUrl, ...(request ? { request: { method: request.method, url: request.url } } : {}) };
}

/**
 * `snapshot` (a stored body, maybe another backup's with the same content) as `record` was captured: its title,
 * page and save request address. A record from before places were kept has only its title.
 */
export function inPlace(snapshot: Snapshot, record: { title: string; place?: BackupPlace }): Snapshot {
  const { place } = record;
  const request =
    snapshot.request && place?.request ? { ...snapshot.request, ...place.request } : snapshot.request;
  return {
    ...snapshot,
    title: record.title,
    ...(place ? { pageUrl: place.pageUrl } : {}),
    ...(request ? { request } : {}),
  };
}
