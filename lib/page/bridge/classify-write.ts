import { isRecord } from '../../capture/body-path';
import { bodyEntries, lastMember, namesEntry, squash, structuredBody } from '../../capture/body-to-fields';
import { isSaveMethod } from './bridge-protocol';
import { isSaveRequest } from './is-save-request';
import { isIdSegment } from './is-id-segment';

/**
 * Words that name an action which writes without saving settings: testing, previewing, validating, searching,
 * signing in or out, keeping a session alive, running or triggering something. Matched as whole words in the last
 * segments of the endpoint's path, in a body's action field (`action=heartbeat`, `do=login`) and in the label of
 * the button that sent it.
 */
const NOT_SAVE_WORDS = new Set([
  'test',
  'testing',
  'preview',
  'validate',
  'validation',
  'verify',
  'check',
  'lint',
  'dryrun',
  'dry',
  'render',
  'markdown',
  'search',
  'query',
  'autocomplete',
  'suggest',
  'lookup',
  'login',
  'logout',
  'signin',
  'signout',
  'heartbeat',
  'ping',
  'health',
  'healthcheck',
  'keepalive',
  'poll',
  'presence',
  'typing',
  'run',
  'execute',
  'trigger',
  'inject',
  'build',
  'refresh',
  'export',
  'download',
  'diff',
  // Commands to a device or service ("turn on", "restart"): they act, they do not store settings.
  'turn',
  'toggle',
  'restart',
  'reboot',
  'reload',
]);
/** Word beginnings that mark the same actions in any form (`renderer`, `previews`, `validator`, `verified`). */
const NOT_SAVE_STEMS = ['render', 'preview', 'validat', 'verif'];
/** Word endings that mark them too (`qsearch`, DokuWiki's quick search; `fulltextsearch`). */
const NOT_SAVE_ENDINGS = ['search', 'lookup'];
const isNotSaveWord = (word: string): boolean =>
  NOT_SAVE_WORDS.has(word) ||
  NOT_SAVE_STEMS.some((stem) => word.startsWith(stem)) ||
  NOT_SAVE_ENDINGS.some((ending) => word.endsWith(ending));

/** Two-word actions (`sign in`, `log out`), joined before matching. */
const NOT_SAVE_PHRASES = /\b(sign|log)[\s_-]?(in|out)\b/g;
/** Words in a button label that make it a save whatever else it says ("Save & test", "Apply and preview"). */
const SAVE_LABEL_WORDS = new Set(['save', 'apply', 'update', 'deploy', 'publish', 'store', 'confirm']);
/** Body fields that name the action of an endpoint that does many things (`admin-ajax.php`, `doku.php`). */
const ACTION_FIELDS = new Set([
  'action',
  'call',
  'do',
  'op',
  'operation',
  'operationname',
  'cmd',
  'command',
  'intent',
]);
/** Keys of a GraphQL request body. */
const GRAPHQL_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);
/** Path segments this many from the end are read for action words (`block-renderer/core/archives`). */
const ACTION_SEGMENTS = 3;
/** Below this share of a body's entries found in the section (by name or value), the body is not the section's... */
export const MIN_BODY_OVERLAP = 0.2;
/**
 * ...unless it holds this share of the section's fields, at least `MIN_FIELDS_FOUND` of them: a save of the whole
 * configuration (Syncthing's `PUT /rest/config`, 171 values) from a dialog that shows 20 of them.
 */
export const MIN_FIELD_COVERAGE = 0.5;
const MIN_FIELDS_FOUND = 3;

/** What is known of a write when deciding whether it saved settings. */
export interface WriteFacts {
  method: string;
  /** Absolute URL of the request. */
  url: string;
  pageUrl: string;
  savePattern?: string;
  via: 'fetch' | 'xhr' | 'form' | 'beacon';
  /** A `keepalive` fetch: a ping that must outlive the page. */
  keepalive?: boolean;
  /** False for a request or form post of a sub-frame. */
  topFrame?: boolean;
  /** Visible label or accessible name of the control that sent it. */
  label?: string;
  /** Parsed body (JSON value, or form fields as name → value). */
  body?: unknown;
  /** Fields of the section the write is attributed to: their keys (names) and values. */
  fields?: { key: string; value: unknown }[];
  /** A click or key press shortly before. */
  interaction?: boolean;
  /** Earlier writes of this page, without user interaction, of the same method, URL and body shape. */
  repeats?: number;
}

export type NotSaveReason =
  | 'method'
  | 'beacon'
  | 'sub-frame'
  | 'url'
  | 'endpoint'
  | 'body-action'
  | 'label'
  | 'unrelated-body'
  | 'polling';

export type WriteVerdict = { save: true } | { save: false; reason: NotSaveReason };

/** Decides whether a write the server accepted saved settings (see `NOT_SAVE_WORDS` and `WriteFacts`). */
export function classifyWrite(facts: WriteFacts): WriteVerdict {
  const no = (reason: NotSaveReason): WriteVerdict => ({ save: false, reason });
  if (!isSaveMethod(facts.method.toUpperCase())) return no('method');
  if (facts.via === 'beacon' || facts.keepalive) return no('beacon');
  if (facts.topFrame === false) return no('sub-frame');
  if (!isSaveRequest(facts.method, facts.url, facts.pageUrl, facts.savePattern)) return no('url');
  if (endpointSaysNotSave(facts.url, facts.pageUrl)) return no('endpoint');
  if (bodySaysNotSave(facts.body)) return no('body-action');
  if (labelSaysNotSave(facts.label ?? '')) return no('label');
  if (!bodyIsTheSections(facts.body, facts.fields ?? [])) return no('unrelated-body');
  if (facts.interaction === false && (facts.repeats ?? 0) > 0) return no('polling');
  return { save: true };
}

/** Lower-case words of a text, camelCase and snake_case split, `sign in` joined to `signin`. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(NOT_SAVE_PHRASES, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function endpointSaysNotSave(url: string, pageUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, pageUrl);
  } catch {
    return false;
  }
  const segments = parsed.pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/\.(php|aspx?|jsp|cgi|json)$/i, ''))
    .filter((segment) => segment && !isIdSegment(segment));
  const words = segments.slice(-ACTION_SEGMENTS).flatMap(wordsOf);
  for (const [key, value] of parsed.searchParams) {
    if (ACTION_FIELDS.has(key.toLowerCase())) words.push(...wordsOf(value));
  }
  return words.some(isNotSaveWord);
}

function bodySaysNotSave(sent: unknown): boolean {
  // jQuery and plain XHR send form data as a string (`call=qsearch&q=wel`): read it as its fields.
  const body = structuredBody(sent);
  if (!isRecord(body)) return false;
  const keys = Object.keys(body);
  // A GraphQL read (`query …` or `{ … }`): a POST that saves nothing. Mutations are read by operation name.
  if (keys.length > 0 && keys.every((key) => GRAPHQL_KEYS.has(key)) && typeof body.query === 'string') {
    if (!/^\s*mutation\b/.test(body.query)) return true;
  }
  return keys.some((key) => {
    // `do[preview]=Preview` (DokuWiki's edit form) names its action in the key.
    const bracketed = /^(\w+)\[(\w+)\]$/.exec(key);
    if (bracketed && ACTION_FIELDS.has((bracketed[1] ?? '').toLowerCase())) {
      return wordsOf(bracketed[2] ?? '').some(isNotSaveWord);
    }
    const value = body[key];
    return (
      ACTION_FIELDS.has(key.toLowerCase()) && typeof value === 'string' && wordsOf(value).some(isNotSaveWord)
    );
  });
}

function labelSaysNotSave(label: string): boolean {
  const words = wordsOf(label);
  if (words.some((word) => SAVE_LABEL_WORDS.has(word))) return false;
  return words.some(isNotSaveWord);
}

/** True when a write's body is the save of the section it was attributed to (see `MIN_BODY_OVERLAP`). */
function bodyIsTheSections(body: unknown, fields: { key: string; value: unknown }[]): boolean {
  if (bodyOverlap(body, fields) >= MIN_BODY_OVERLAP) return true;
  const found = fieldsInBody(body, fields);
  return found >= MIN_FIELDS_FOUND && found / fields.length >= MIN_FIELD_COVERAGE;
}

/**
 * How many of the section's fields the body names: a member named as the field is, whole path or last member, case
 * and punctuation aside (Syncthing's `MaxRecvKbps` for `options.maxRecvKbps`). Stricter than `bodyOverlap`'s
 * reading: no value matches, no name that merely ends alike (`displayName` for `library.name`), so an analytics
 * event that echoes a few of the page's values is not taken for the section's save.
 */
export function fieldsInBody(body: unknown, fields: { key: string; value: unknown }[]): number {
  const names = new Set(bodyEntries(body).flatMap((entry) => [squash(entry.key), squash(lastMember(entry))]));
  return fields.filter((field) => names.has(squash(field.key))).length;
}

/**
 * Share (0–1) of a body's values (any depth) that the section explains: a field named like the value's place
 * (`config[title]`, or an id ending in its last member, as `user-settings-view-grid-size` for
 * `editor.view.view-grid-size`), or a field showing the same text; 1 when there is nothing to compare (no section,
 * no fields, or a body with no values).
 */
export function bodyOverlap(body: unknown, fields: { key: string; value: unknown }[]): number {
  const entries = bodyEntries(body);
  if (fields.length === 0 || entries.length === 0) return 1;
  const values = new Set(
    fields.flatMap((field) =>
      typeof field.value === 'string' && field.value.length >= 2 ? [field.value] : [],
    ),
  );
  const explained = entries.filter(
    (entry) =>
      fields.some((field) => namesEntry(field.key, entry)) ||
      ((typeof entry.value === 'string' || typeof entry.value === 'number') &&
        values.has(String(entry.value))),
  );
  return explained.length / entries.length;
}
