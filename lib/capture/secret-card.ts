/** Digits of a card number: 13–19, bare or in groups of 3–8 split by single spaces, dashes or dots. */
const CARD_SHAPE = /^\d{3,19}(?:[ .-]\d{3,8}){0,5}$/;
/** Digit runs inside text that could hold a card number (the same groups, at word boundaries). */
const CARD_IN_TEXT = /(?<![\w.-])\d{3,19}(?:[ .-]\d{3,8}){0,5}(?![\w-]|\.\d)/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True for a card-number-shaped value whose digits pass the Luhn check. */
export function looksLikeCardNumber(value: string): boolean {
  if (!CARD_SHAPE.test(value)) return false;
  const digits = value.replace(/[ .-]/g, '');
  // Issuers use 2–6 as first digit; excluding 1 keeps epoch-millisecond timestamps and most snowflake ids out.
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits))
    return false;
  return passesLuhn(digits);
}

/**
 * True when text holds a card number among other words (`charge 4242 4242 4242 4242 monthly`, `amex:3782…`).
 * A run longer than a card (a number followed by a year, say) is tried group by group.
 */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(CARD_IN_TEXT)) {
    const groups = match[0].split(/[ .-]/);
    for (let start = 0; start < groups.length; start++) {
      for (let end = start + 1; end <= groups.length; end++) {
        const separator = match[0].match(/[ .-]/)?.[0] ?? '';
        if (looksLikeCardNumber(groups.slice(start, end).join(separator))) return true;
      }
    }
  }
  return false;
}
