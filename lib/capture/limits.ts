// Plain constants shared by the capture code. Kept out of `snapshot.ts` so the content script can import them
// without pulling zod into its bundle.

export { MAX_URL_CHARS } from '../../convex/sharedLimits';

/** Upper bound (characters) of one captured string, and of a field value in the snapshot schema. */
export const MAX_VALUE_CHARS = 100_000;

/** Appended to a string that was cut at `MAX_VALUE_CHARS`, so a restore knows the value is incomplete. */
export const TRUNCATED_MARKER = '…[truncated]';

/** Placeholder written where a secret was left out of a request body or URL. */
export const LEFT_OUT = '[left out]';

/** Upper bound (characters) of a section title, here and in the snapshot schema. */
export const MAX_TITLE_CHARS = 500;

/** Upper bound (characters) of a section type slug, here and in the snapshot schema. */
export const MAX_TYPE_CHARS = 200;

/** Upper bound on fields read from one section: a settings form never has this many, a hostile page might. */
export const MAX_FIELDS = 1000;

/** Most sections considered on one page (and reported at once), so a huge page costs bounded work. */
export const MAX_SECTIONS = 50;

/** Cuts `text` to `max` characters (default `MAX_VALUE_CHARS`), marking the cut so it is never taken for the whole. */
export function truncateValue(text: string, max = MAX_VALUE_CHARS): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(max - TRUNCATED_MARKER.length, 0)) + TRUNCATED_MARKER;
}
