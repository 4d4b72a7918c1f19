import { cleanText } from '../../capture/clean-text';
import { MAX_TITLE_CHARS, MAX_VALUE_CHARS } from '../../capture/limits';

/** One choice of a drop-down or radio group: its value, the text the page shows for it, and whether it is chosen. */
export interface Choice {
  value: string;
  text: string;
  chosen: boolean;
}

/**
 * The text the page shows for each chosen choice, by value: what a user reads where the value is `2` ("including
 * single quotes"). Choices whose text is their value say nothing more and are left out; when two choices read
 * alike, the value follows the text ("Default (0)") so the two stay apart. Undefined when none is worth keeping.
 */
export function chosenTexts(choices: Choice[]): Record<string, string> | undefined {
  const textOf = (choice: Choice) => cleanText(choice.text).slice(0, MAX_TITLE_CHARS);
  const counts = new Map<string, number>();
  for (const choice of choices) counts.set(textOf(choice), (counts.get(textOf(choice)) ?? 0) + 1);
  const texts: Record<string, string> = {};
  for (const choice of choices) {
    // A value longer than a snapshot keeps is cut there: its text would name a value no snapshot holds.
    if (!choice.chosen || choice.value.length > MAX_VALUE_CHARS) continue;
    const text = textOf(choice);
    if (text === '' || text === choice.value) continue;
    const shown = (counts.get(text) ?? 0) > 1 ? `${text} (${choice.value})` : text;
    Object.defineProperty(texts, choice.value, { value: shown, enumerable: true, writable: true });
  }
  return Object.keys(texts).length ? texts : undefined;
}
