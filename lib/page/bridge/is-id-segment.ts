/** True for a path segment that is an id rather than a name: a number, a UUID, a hash, a slug with a number. */
export function isIdSegment(segment: string): boolean {
  return (
    /^\d+$/.test(segment) ||
    /^[0-9a-f]{8,}$/i.test(segment) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
    /^[a-z]+[-_]\d+$/i.test(segment) ||
    (segment.length >= 8 && /\d/.test(segment) && /[a-z]/i.test(segment) && !/^v\d+$/i.test(segment))
  );
}
