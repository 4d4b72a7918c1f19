import { MAX_BRIDGE_MESSAGE_BYTES } from '../page/bridge/bridge-protocol';
import { z } from '../zod';
import { MAX_FIELDS, MAX_TITLE_CHARS, MAX_TYPE_CHARS, MAX_VALUE_CHARS } from './limits';
import { fieldLocatorSchema, triggerSchema } from './snapshot';

/** Upper bound on the chosen values of one multi-select or checkbox group. */
const MAX_LIST_ITEMS = 10_000;
/** Upper bound (characters) of a request method or body kind; the known ones are a word. */
const MAX_WORD_CHARS = 20;

const text = z.string().max(MAX_VALUE_CHARS);

/** A locator whose every string is one captured string at most. */
const draftLocatorSchema = fieldLocatorSchema.refine(
  (locator) =>
    Object.values(locator).every((part) => typeof part !== 'string' || part.length <= MAX_VALUE_CHARS),
  'A locator part is too long',
);

/** True when a request body, as JSON, is no larger than the bridge lets one through. */
function bodyFits(body: unknown): boolean {
  try {
    return (JSON.stringify(body) ?? '').length <= MAX_BRIDGE_MESSAGE_BYTES;
  } catch {
    return false;
  }
}

/** A field as read from the page, before the background leaves secrets out. Plain data, posted between contexts. */
export const rawFieldSchema = z.object({
  /** Unique within the section: name, else id, else a slug of the label. */
  key: text.min(1),
  /** Human label shown in diffs. */
  label: z.string().max(MAX_TITLE_CHARS),
  /** Text, a checkbox state, or the chosen values of a multi-select or checkbox group. */
  value: z.union([text, z.boolean(), z.array(text).max(MAX_LIST_ITEMS)]),
  locator: draftLocatorSchema,
  /** A drop-down's chosen option(s): the text the page shows, by value (see `optionTexts`). */
  texts: z
    .record(text, z.string().max(MAX_TITLE_CHARS))
    .refine((texts) => Object.keys(texts).length <= MAX_LIST_ITEMS, 'Too many option texts')
    .optional(),
  /** A single checkbox's own value, the one a form posts for it when checked (`on` unless it names one). */
  onValue: text.optional(),
  /** Raw control type, as in `locator.inputType` (`password`, `select-one`, `contenteditable`, …). */
  type: z.string().max(MAX_TITLE_CHARS),
  /** Lowercased `autocomplete` attribute, '' when absent; `new-password` and `cc-*` mark secrets. */
  autocomplete: z.string().max(MAX_TITLE_CHARS),
  disabled: z.boolean(),
  /**
   * The page does not let the field change and a form would not post it (disabled, or in a disabled fieldset; not
   * `aria-disabled` alone): a restore leaves it as it is unless another restored field enables it.
   */
  locked: z.literal(true).optional(),
  readOnly: z.boolean(),
  /** The value was longer than the snapshot limit and was cut. */
  truncated: z.boolean(),
  /** `value` is the SHA-256 hex of the field's value, digested in the page (password and secret-autocomplete fields). */
  digested: z.literal(true).optional(),
});
export type RawField = z.infer<typeof rawFieldSchema>;

/** The save request as the page saw it: body parsed (by the bridge) but not redacted, URL as sent. */
export const saveRequestSchema = z.object({
  method: z.string().max(MAX_WORD_CHARS),
  url: text,
  bodyKind: z.string().max(MAX_WORD_CHARS),
  body: z.unknown().optional().refine(bodyFits, 'The request body is too large'),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

/**
 * What the page sends instead of a snapshot: what it read, with no secrets policy applied (only password and
 * secret-autocomplete values are digested). The background finishes it into a snapshot (`finishSnapshot`).
 */
export const snapshotDraftSchema = z.object({
  /** The page's URL, not yet redacted. */
  pageUrl: text,
  trigger: triggerSchema.refine(
    (trigger) => !trigger.submitter || draftLocatorSchema.safeParse(trigger.submitter).success,
    'The submitter locator is too long',
  ),
  request: saveRequestSchema.optional(),
  /** Section type to use instead of the one derived from the page (normalised to a slug). */
  typeHint: z.string().max(MAX_TYPE_CHARS).optional(),
  /** The section container the save belongs to; absent when none was found (fields then come from the body). */
  section: z
    .object({
      type: z.string().max(MAX_TYPE_CHARS),
      title: z.string().max(MAX_TITLE_CHARS),
      fields: z.array(rawFieldSchema).max(MAX_FIELDS),
      /**
       * The section's fields as its page loaded them or last saved them (a restore's question only): a field that
       * differs from them now is an edit typed on the page and not saved.
       */
      loaded: z.array(rawFieldSchema).max(MAX_FIELDS).optional(),
      /**
       * None of the section's fields is rendered and no save control is in it (a closed dialog its page keeps in the
       * DOM, its Save in the dialog's footer): a restore does not fill it when it can send the section's save request.
       */
      hidden: z.literal(true).optional(),
    })
    .optional(),
});
export type SnapshotDraft = z.infer<typeof snapshotDraftSchema>;
