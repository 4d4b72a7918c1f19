/** Adds an own property, even one named `__proto__`, without ever touching a prototype. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True for bytes (ArrayBuffer, typed arrays, DataView, Blob), which a body keeps only as a size. */
export function isBinary(value: object): value is ArrayBuffer | ArrayBufferView | Blob {
  return (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/** Size (bytes) of binary body data. */
export function byteSize(value: ArrayBuffer | ArrayBufferView | Blob): number {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? value.byteLength : value.size;
}

/** True for a Map, URLSearchParams or FormData: entries rather than properties. */
export function isFormLike(value: object): value is Map<unknown, unknown> {
  return (
    value instanceof Map ||
    value instanceof URLSearchParams ||
    (typeof FormData !== 'undefined' && value instanceof FormData)
  );
}

/** Entries of a form-like or map-like value as an object, a repeated name becoming an array. */
export function entriesOf(value: {
  forEach: (fn: (v: unknown, k: unknown) => void) => void;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  value.forEach((item, name) => {
    const key = String(name);
    const previous = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    setOwn(
      out,
      key,
      previous === undefined ? item : Array.isArray(previous) ? [...previous, item] : [previous, item],
    );
  });
  return out;
}

/** Form fields (as `entriesOf` gives them, after redaction) back as URL-encoded text. */
export function toUrlEncoded(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params.toString();
}
