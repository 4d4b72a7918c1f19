import { LEFT_OUT, MAX_VALUE_CHARS, truncateValue } from './limits';
import { byteSize, entriesOf, isBinary, isFormLike, setOwn, toUrlEncoded } from './redact-body-entries';
import { isUrlEncoded, parseEmbedded } from './redact-embedded';
import { secretReasonForKey } from './secret-key';
import { secretReasonForNamedValue } from './secret-named-value';
import { isSecretTuple, secretPairMembers } from './secret-pair';
import { userRule } from './secret-user-rule';
import { secretReasonForValue } from './secret-value';

export { isUrlEncoded } from './redact-embedded';

/** Values (object members, array items, scalars) walked in one body; the rest is dropped with a marker. */
export const MAX_BODY_NODES = 10_000;
/** Deepest nesting (levels) kept in a body; deeper values become `"[Too deep]"`. */
export const MAX_BODY_DEPTH = 32;
/** Characters of text kept across all strings of one body, so many large strings cannot add up. */
export const MAX_BODY_CHARS = 1_000_000;
/** Entries kept in `leftOut`; a body with more secrets than this is odd, and the list only informs the user. */
const MAX_LEFT_OUT = 200;
/** Path recorded when the whole body (a bare string or number) is a secret. */
const ROOT_PATH = '(body)';

/** A request body with its secrets replaced by `"[left out]"`, and the paths of what was left out. */
export interface RedactedBody {
  body: unknown;
  leftOut: string[];
}

/**
 * Copies a parsed request body (JSON value, form entries, FormData/URLSearchParams) with secrets replaced by
 * `"[left out]"`: values under secret-named keys (whole subtrees too), secret-looking values, the value of a
 * name/value pair named as a secret, strings of JSON or form data holding a secret (whole), keys that are themselves
 * secrets, anything on `extraLeftOut` (by key or by path such as `brain.apiKey`), and any string in
 * `secretValues` (the values of secret fields the page showed). Binary data becomes `"[binary N bytes]"`; strings,
 * total size and depth are capped. Never mutates its input; never throws.
 */
export function redactBody(
  body: unknown,
  extraLeftOut: readonly string[] = [],
  secretValues: ReadonlySet<string> = new Set(),
): RedactedBody {
  const leftOut = new Set<string>();
  let nodes = MAX_BODY_NODES;
  let chars = MAX_BODY_CHARS;
  const ancestors = new Set<object>();
  const isUserRule = userRule(extraLeftOut);

  let found = 0;
  const leave = (path: string) => {
    found += 1;
    if (leftOut.size < MAX_LEFT_OUT) leftOut.add(path || ROOT_PATH);
    return LEFT_OUT;
  };

  /**
   * True when a string's embedded JSON or form data holds a secret. The string is then left out whole, as a
   * field holding it is: a partly redacted text restored to the page would overwrite the secret with a placeholder.
   */
  const embeddedSecret = (text: string, key: string | null, path: string, depth: number): boolean => {
    const parsed = parseEmbedded(text);
    if (parsed === undefined) return false;
    const [before, paths] = [found, new Set(leftOut)];
    walk(parsed, key, path, depth + 1);
    for (const inner of leftOut) if (!paths.has(inner)) leftOut.delete(inner);
    return found > before;
  };

  const walk = (value: unknown, key: string | null, path: string, depth: number): unknown => {
    if (--nodes < 0) return '[Too many values]';
    if (key !== null && isUserRule([key, path])) return leave(path);
    if (value === null || value === undefined || typeof value === 'boolean') return value;
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (typeof value === 'bigint') value = String(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      const reason = key === null ? null : secretReasonForNamedValue(key, value);
      return reason ? leave(path) : value === 0 ? 0 : value;
    }
    if (typeof value === 'string') {
      if (secretValues.has(value)) return leave(path);
      const kept = truncateValue(value, Math.min(MAX_VALUE_CHARS, Math.max(chars, 0)));
      chars -= kept.length;
      const reason = key === null ? secretReasonForValue(kept) : secretReasonForNamedValue(key, kept);
      return reason || (depth < MAX_BODY_DEPTH && embeddedSecret(kept, key, path, depth))
        ? leave(path)
        : kept;
    }
    const object = value as object;
    if (key !== null && secretReasonForKey(key)) return leave(path);
    if (ancestors.has(object)) return '[Circular]';
    if (depth >= MAX_BODY_DEPTH) return '[Too deep]';
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
    if (isBinary(object)) return `[binary ${byteSize(object)} bytes]`;
    ancestors.add(object);
    try {
      if (Array.isArray(object)) {
        const out: unknown[] = [];
        const tuple = isSecretTuple(object);
        for (let i = 0; i < object.length && nodes > 0; i++) {
          const itemPath = `${path}[${i}]`;
          out.push(tuple && i === 1 ? leave(itemPath) : (walk(object[i], key, itemPath, depth + 1) ?? null));
        }
        return out;
      }
      const source = isFormLike(object) ? entriesOf(object) : (object as Record<string, unknown>);
      const pairSecrets = secretPairMembers(source, isUserRule);
      const out: Record<string, unknown> = {};
      let hidden = 0;
      for (const name of Object.keys(source)) {
        if (nodes <= 0) break;
        // A key can itself be a credential (a map keyed by token): it is renamed, and never recorded as a path.
        const outName = secretReasonForValue(name) !== null ? `${LEFT_OUT} ${++hidden}` : name;
        const childPath = path ? `${path}.${outName}` : outName;
        const child =
          outName !== name || pairSecrets.has(name)
            ? leave(childPath)
            : walk(source[name], name, childPath, depth + 1);
        if (child !== undefined) setOwn(out, outName, child);
      }
      return out;
    } catch {
      // A Proxy or a throwing getter: keep the shape of the rest of the body.
      return '[Unreadable]';
    } finally {
      ancestors.delete(object);
    }
  };

  let redacted: unknown;
  try {
    redacted =
      typeof body === 'string' && isUrlEncoded(body)
        ? toUrlEncoded(walk(new URLSearchParams(body), null, '', 0) as Record<string, unknown>)
        : walk(body, null, '', 0);
  } catch {
    redacted = '[Unreadable]';
  }
  return { body: redacted, leftOut: [...leftOut] };
}
