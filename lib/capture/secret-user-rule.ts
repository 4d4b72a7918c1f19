import { keyWords } from './secret-key';

/** Lowercase letters and digits only, so a user rule "API key" matches `apiKey`, `api_key` and `API-Key`. */
function squash(text: string): string {
  return keyWords(text).join('');
}

/** A test of names (key, name, id, label or body path) against the user's extra left-out list, case-blind. */
export function userRule(extraLeftOut: readonly string[]): (names: readonly string[]) => boolean {
  const wanted = new Set(extraLeftOut.map(squash).filter(Boolean));
  return (names) => wanted.size > 0 && names.some((name) => wanted.has(squash(name)));
}
