/** Reads the comma-separated "Extra fields to leave out" input as a list without blanks or repeats. */
export function parseLeftOut(text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** Writes a left-out list back as the text of the input. */
export function formatLeftOut(names: string[]): string {
  return names.join(', ');
}
