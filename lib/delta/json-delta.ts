import { z } from '../zod';

/**
 * A JSON delta turns one JSON value into another. The format is stable (it is stored in the journal and in Convex):
 * a JSON array of operations applied in order, each naming an absolute path from the root, where a path is an array
 * of object keys (strings) and array indexes (integers):
 * - `[path, value]` sets the member or item at `path` to `value` (`[[], value]` replaces the whole value);
 * - `[path]` removes the object member at `path`.
 * Arrays are never grown or shrunk in place: an array whose length changes is set whole. Because every path is
 * absolute, two deltas compose by running one after the other, and a later operation on a path (or a path above
 * it) makes earlier ones below it redundant.
 */
export type JsonPath = (string | number)[];
export type JsonDeltaOp = [JsonPath] | [JsonPath, unknown];
export type JsonDelta = JsonDeltaOp[];

const pathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));

/** A stored delta as read back from storage (a trust boundary: the journal or a row may be corrupted). */
export const jsonDeltaSchema = z.array(
  z.union([z.tuple([pathSchema]), z.tuple([pathSchema, z.unknown()])]),
) as z.ZodType<JsonDelta>;

/** A delta that cannot be applied to the value it is meant for (a corrupted delta, or the wrong base). */
export class JsonDeltaError extends Error {
  override name = 'JsonDeltaError';
}

/** Parses a stored delta (JSON text), or throws a `JsonDeltaError`. */
export function parseJsonDelta(text: string): JsonDelta {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new JsonDeltaError('The delta is not JSON');
  }
  const parsed = jsonDeltaSchema.safeParse(raw);
  if (!parsed.success) throw new JsonDeltaError('The delta is not a list of operations');
  return parsed.data;
}
