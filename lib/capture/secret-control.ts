/** Autocomplete tokens that browsers and password managers reserve for secrets. */
const SECRET_AUTOCOMPLETE = /(?:^|\s)(current-password|new-password|one-time-code|cc-[a-z-]+)(?:\s|$)/;

/**
 * Why a control holds a secret by its kind alone (`input-type:password`, `autocomplete:cc-number`, …), or null.
 * The page applies this rule itself, so such values are digested before they leave it.
 */
export function secretReasonForControl(type: string, autocomplete: string): string | null {
  if (type === 'password') return 'input-type:password';
  const token = SECRET_AUTOCOMPLETE.exec(autocomplete)?.[1];
  return token ? `autocomplete:${token}` : null;
}
