/** (characters) the most of a server's answer that a message quotes. */
const MAX_LENGTH = 120;

/** A tag, a comment or a doctype: `<` followed by a name, `/`, `!` or `?` (so "a < b" stays as it is). */
const TAG = /<[a-z/!?][^>]*>/gi;
const HIDDEN = /<(script|style|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * What a server's answer says, as one short line a person can read: an HTML page's title and visible text (no
 * markup, scripts or styles), entities decoded, white space collapsed, cut to `max` characters with an ellipsis.
 */
export function plainText(answer: string, max = MAX_LENGTH): string {
  const title = clean(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(answer)?.[1] ?? '');
  const body = clean(answer.replace(HIDDEN, ' ').replace(TAG, ' '));
  const text = title && body && !body.startsWith(title) ? `${title}: ${body}` : body || title;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function clean(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
