import type { WriteFacts } from '../page/bridge/classify-write';
import type { SnapshotDraft } from '../capture/snapshot-draft';

/**
 * What a capture's draft tells about its write, for `classifyWrite`: the button's label, the section's fields
 * (by key and by name) and whether someone used the page (a control was clicked, so a section was found).
 */
export function draftWriteFacts(
  draft: SnapshotDraft,
  write: { method: string; url: string; body?: unknown; via: WriteFacts['via'] },
  pageUrl: string,
  savePattern?: string,
): WriteFacts {
  const submitter = draft.trigger.submitter;
  const fields = (draft.section?.fields ?? []).flatMap((field) => [
    { key: field.key, value: field.value },
    ...(field.locator.name && field.locator.name !== field.key
      ? [{ key: field.locator.name, value: field.value }]
      : []),
  ]);
  return {
    ...write,
    pageUrl,
    ...(savePattern ? { savePattern } : {}),
    label: [submitter?.label, submitter?.ariaLabel].filter(Boolean).join(' '),
    fields,
    interaction: Boolean(submitter ?? draft.section),
  };
}
