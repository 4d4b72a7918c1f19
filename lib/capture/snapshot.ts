import { MAX_TITLE_CHARS, MAX_TYPE_CHARS, MAX_URL_CHARS, MAX_VALUE_CHARS } from './limits';
import { z } from '../zod';

/** Upper bound (characters) of one field value kept in a snapshot; longer values are truncated and flagged. */
export const MAX_FIELD_VALUE_CHARS = MAX_VALUE_CHARS;

/** Every way a restore can find a field again after the dashboard's UI changed. */
export const fieldLocatorSchema = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  label: z.string().optional(),
  ariaLabel: z.string().optional(),
  /** Heading or legend of the section the field sits in. */
  section: z.string().optional(),
  /** `text`, `number`, `checkbox`, `radio`, `select-one`, `select-multiple`, `textarea`, … */
  inputType: z.string(),
});
export type FieldLocator = z.infer<typeof fieldLocatorSchema>;

/** A field value: text, a checkbox state, the selected options of a multi-select, or null for a left-out secret. */
export const fieldValueSchema = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const capturedFieldSchema = z.object({
  /** Stable key of the field inside its section: name, else id, else a slug of its label. */
  key: z.string().min(1),
  /** Human label shown in diffs. */
  label: z.string(),
  value: fieldValueSchema,
  /** Set when the value was left out as a secret: a salted hash, so "this secret changed" can be shown. */
  secret: z.object({ hash: z.string(), reason: z.string() }).optional(),
  locator: fieldLocatorSchema,
  /** A drop-down's chosen option(s): the text the page shows, by value (`{ "2": "including single quotes" }`). */
  texts: z.record(z.string(), z.string()).optional(),
});
export type CapturedField = z.infer<typeof capturedFieldSchema>;

/** The request that saved a section, as the dashboard sent it (headers are never stored). */
export const capturedRequestSchema = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string().max(MAX_URL_CHARS),
  /** Parsed body with secrets replaced by placeholders; `undefined` when it could not be read without harm. */
  body: z.unknown().optional(),
  /** `json`, `form`, `multipart`, `text`, `blob`, `none`, `unread` */
  bodyKind: z.string(),
});
export type CapturedRequest = z.infer<typeof capturedRequestSchema>;

/** How the save that produced a snapshot was made, so a restore can trigger the same save. */
export const triggerSchema = z.object({
  kind: z.enum(['form', 'fetch', 'xhr', 'manual', 'restore']),
  /** Locator of the control that saved the section (submit button or Save button). */
  submitter: fieldLocatorSchema.optional(),
});
export type Trigger = z.infer<typeof triggerSchema>;

/** One section's settings as captured: the body of a backup. */
export const snapshotSchema = z.object({
  /** The settings section, e.g. `bot-names`; the Convex `type`. */
  type: z.string().min(1).max(MAX_TYPE_CHARS),
  /** Human title of the section, e.g. "Bot names". */
  title: z.string().max(MAX_TITLE_CHARS),
  /** Page URL the snapshot was taken on. */
  pageUrl: z.string().max(MAX_URL_CHARS),
  fields: z.array(capturedFieldSchema),
  request: capturedRequestSchema.optional(),
  trigger: triggerSchema,
  /** Keys of the fields (or body paths) left out as secrets. */
  leftOut: z.array(z.string()),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
