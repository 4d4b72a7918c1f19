/** Collapses whitespace and trims `text`, cut to `max` characters (labels and titles are one line). */
export function cleanText(text: string | null | undefined, max = 200): string {
  if (!text) return '';
  return text.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}
