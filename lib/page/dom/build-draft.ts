import { digestSecretFields } from '../../capture/digest-secret-fields';
import { MAX_VALUE_CHARS } from '../../capture/limits';
import { readFields } from './read-fields';
import { sectionTitle } from '../../capture/section-title';
import { sectionType } from '../../capture/section-type';
import type { Trigger } from '../../capture/snapshot';
import type { SaveRequest, SnapshotDraft } from '../../capture/snapshot-draft';

/**
 * What the page sends about a save or a section it shows: its URL, the trigger, the raw request and, given the
 * section's `container`, its type, title and fields. Only password and secret-autocomplete values are digested
 * here; the background applies every other secrets rule when it finishes the draft (`finishSnapshot`).
 */
export async function buildDraft(input: {
  pageUrl: string;
  trigger: Trigger;
  request?: SaveRequest;
  container?: Element;
}): Promise<SnapshotDraft> {
  const { container, ...draft } = input;
  return {
    ...draft,
    // Only cut so the message stays bounded; the background cuts it much shorter once secrets are out.
    pageUrl: input.pageUrl.slice(0, MAX_VALUE_CHARS),
    ...(container
      ? {
          section: {
            type: sectionType(container, input.request?.url),
            title: sectionTitle(container),
            fields: await digestSecretFields(readFields(container)),
          },
        }
      : {}),
  };
}
