import type { Snapshot } from '../capture/snapshot';

/**
 * A backup this browser did not make (pulled from Convex, imported) with its drop-downs' option texts taken from
 * the page, not from the backup: there they are the writer's word, and a capture key could have the value that
 * opens sign-ups read "Closed". A value keeps the text the page (`page`, read now by this browser) shows for that
 * same value of that field; any other shows as the value itself. `page` null keeps no text.
 */
export function textsAsThePageShows(backup: Snapshot, page: Snapshot | null): Snapshot {
  const onPage = new Map((page?.fields ?? []).map((field) => [field.key, field.texts]));
  return {
    ...backup,
    fields: backup.fields.map(({ texts: _writers, ...field }) => {
      const shown = onPage.get(field.key);
      if (!shown) return field;
      const texts = Object.fromEntries(
        [field.value]
          .flat()
          .map(String)
          .filter((value) => Object.hasOwn(shown, value))
          .map((value) => [value, shown[value] as string]),
      );
      return Object.keys(texts).length > 0 ? { ...field, texts } : field;
    }),
  };
}
