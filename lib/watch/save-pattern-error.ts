/** Explains why an optional "save request" pattern is unusable, or null (empty means "any save request"). */
export function savePatternError(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // The bridge matches a pattern starting with `/` against the path, anything else against the full URL.
  if (/^(\/|\*|https?:\/\/)/.test(trimmed)) return null;
  return 'Use a path like /api/settings* or a full URL like https://app.example.com/api/*';
}
