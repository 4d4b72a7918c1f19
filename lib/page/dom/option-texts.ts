import { cleanText } from '../../capture/clean-text';
import { MAX_TITLE_CHARS, MAX_VALUE_CHARS } from '../../capture/limits';

/**
 * The text a drop-down shows for each chosen option, by value: what a user reads where the value is `2`
 * ("including single quotes"). Options whose text is their value say nothing more and are left out; when two
 * options read alike, the value follows the text ("Default (0)") so the two stay apart. Undefined when none is worth
 * keeping.
 */
export function optionTexts(select: HTMLSelectElement): Record<string, string> | undefined {
  const options = Array.from(select.options ?? []);
  const textOf = (option: HTMLOptionElement) =>
    cleanText(option.label || option.text).slice(0, MAX_TITLE_CHARS);
  const counts = new Map<string, number>();
  for (const option of options) counts.set(textOf(option), (counts.get(textOf(option)) ?? 0) + 1);
  const texts: Record<string, string> = {};
  for (const option of options) {
    // A value longer than a snapshot keeps is cut there: its text would name a value no snapshot holds.
    if (!option.selected || option.value.length > MAX_VALUE_CHARS) continue;
    const text = textOf(option);
    if (text === '' || text === option.value) continue;
    const shown = (counts.get(text) ?? 0) > 1 ? `${text} (${option.value})` : text;
    Object.defineProperty(texts, option.value, { value: shown, enumerable: true, writable: true });
  }
  return Object.keys(texts).length ? texts : undefined;
}
