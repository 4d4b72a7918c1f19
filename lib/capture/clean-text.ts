/** Collapses whitespace and trims `text`, cut to `max` characters (labels and titles are one line). */
export function cleanText(text: string | null | undefined, max = 200): string {
  if (!text) return '';
  return text.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/**
 * Unicode's bidi controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069). They reorder the text after them
 * without showing themselves: "\u202Egnp.exe" reads as "exe.png".
 */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/** `text` without bidi controls, for text a person wrote that others read (a backup's label or note). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * `text` with each bidi control written out as "⟨U+202E⟩", for text that must stay exact (a field's value) yet is
 * shown to a person, who then sees the control instead of being misled by it.
 */
export function withBidiControlsShown(text: string): string {
  return text.replace(BIDI_CONTROLS, (control) => {
    const code = control.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    return `⟨U+${code}⟩`;
  });
}
