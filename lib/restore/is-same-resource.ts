import { bodyEntries } from '../capture/body-to-fields';

/** Share of the saved body's places a read must hold to be taken for the same resource. */
const SAME_RESOURCE_SHARE = 0.5;

/**
 * True when a read holds most of the places a save's body has: the resource the save writes, not a wrapper, a list
 * or another resource at the same address.
 */
export function isSameResource(read: unknown, saved: unknown): boolean {
  const keys = new Set(bodyEntries(read).map((entry) => entry.key));
  const wanted = bodyEntries(saved);
  return (
    wanted.length > 0 &&
    wanted.filter((entry) => keys.has(entry.key)).length >= wanted.length * SAME_RESOURCE_SHARE
  );
}
