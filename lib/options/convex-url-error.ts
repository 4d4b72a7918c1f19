/** Explains what is wrong with a Convex URL typed in the options page, or null when it can be saved (empty is "local only"). */
export function convexUrlError(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full URL, e.g. https://happy-animal-123.convex.cloud';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The Convex URL must start with https:// or http://';
  return null;
}
