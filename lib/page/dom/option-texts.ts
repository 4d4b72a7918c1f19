import { chosenTexts } from './chosen-texts';

/** The text a drop-down shows for each chosen option, by value (see `chosenTexts`). */
export function optionTexts(select: HTMLSelectElement): Record<string, string> | undefined {
  return chosenTexts(
    Array.from(select.options ?? []).map((option) => ({
      value: option.value,
      text: option.label || option.text,
      chosen: option.selected,
    })),
  );
}
