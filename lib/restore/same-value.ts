/** Two captured field values are the same setting (JSON-equal: arrays and objects by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
