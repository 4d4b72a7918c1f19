import { formatPath, isRecord, type PathSegment } from './body-path';
import { humanize } from './field-label';
import { LEFT_OUT, MAX_FIELDS, truncateValue } from './limits';
import { isUrlEncoded } from './redact-body';
import type { CapturedField, FieldLocator, FieldValue } from './snapshot';

/** Deepest nesting (levels) turned into fields; what lies deeper stays in the stored request body only. */
const MAX_FIELD_DEPTH = 16;

/** One value the dashboard sent: a scalar or a list of scalars, at a place in the body. */
export interface BodyEntry {
  key: string;
  segments: PathSegment[];
  value: unknown;
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A form-encoded string body as an object (a repeated name becomes a list); any other body as it is. */
export function structuredBody(body: unknown): unknown {
  if (typeof body !== 'string' || !isUrlEncoded(body)) return body;
  const out: Record<string, unknown> = Object.create(null);
  new URLSearchParams(body).forEach((value, name) => {
    const previous = out[name];
    out[name] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  });
  return out;
}

/**
 * Every value a saved request body holds, any depth, arrays included: a scalar or a list of scalars is one entry,
 * keyed by its path (`editor.view.view-grid-size`, `rules[0].name`). Empty objects hold nothing. Never throws.
 */
export function bodyEntries(body: unknown): BodyEntry[] {
  const entries: BodyEntry[] = [];
  const walk = (value: unknown, segments: PathSegment[]) => {
    if (entries.length >= MAX_FIELDS) return;
    const scalarList = Array.isArray(value) && Array.from(value as unknown[]).every(isScalar);
    if (segments.length && (isScalar(value) || scalarList || segments.length >= MAX_FIELD_DEPTH)) {
      // A top-level member keeps its own name (`config[title]`), as the page's field of that name has it.
      const [only] = segments;
      const key = segments.length === 1 && typeof only === 'string' ? only : formatPath(segments);
      if (isScalar(value) || scalarList) entries.push({ key, segments, value });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...segments, i]));
    else if (isRecord(value)) for (const name of Object.keys(value)) walk(value[name], [...segments, name]);
  };
  try {
    walk(structuredBody(body), []);
  } catch {
    // A Proxy or a throwing getter in a page-made body: the entries read so far.
  }
  return entries;
}

/** The snapshot value of a sent value: text, a checkbox state, or a list; shaped like the page's field if known. */
export function toFieldValue(sent: unknown, like?: FieldValue): FieldValue {
  if (typeof like === 'boolean') {
    if (typeof sent === 'boolean') return sent;
    return sent === 'on' || sent === 'true' || sent === '1' || sent === 1;
  }
  if (Array.isArray(sent)) return sent.map((item) => truncateValue(String(item ?? '')));
  if (sent === null) return '';
  if (typeof sent === 'boolean') return like === undefined ? sent : String(sent);
  if (typeof sent === 'number') return Number.isFinite(sent) ? String(sent) : '';
  return truncateValue(String(sent));
}

function inputTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'checkbox';
  if (typeof value === 'number') return 'number';
  return value === null ? 'null' : 'text';
}

/** A name with case and punctuation aside, as names are compared: `view-grid-size` and `viewGridSize` alike. */
export const squash = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The last member name on a value's path (`view-grid-size` for `editor.view.view-grid-size`), else its key. */
export function lastMember(entry: BodyEntry): string {
  return [...entry.segments].reverse().find((s): s is string => typeof s === 'string') ?? entry.key;
}

/**
 * True when a page field's name or id names this body value: its whole path or its last member, or (3 characters
 * or more) a name ending in the last member, as `user-settings-view-grid-size` for `editor.view.view-grid-size`.
 * Case and punctuation are ignored.
 */
export function namesEntry(name: string | undefined, entry: BodyEntry): boolean {
  const given = squash(name);
  if (!given) return false;
  const last = squash(lastMember(entry));
  return given === squash(entry.key) || given === last || (last.length >= 3 && given.endsWith(last));
}

/**
 * The page field that shows a body value: the one named like its path (`config[title]`), else one whose name or id
 * ends with the path's last member (`user-settings-view-grid-size` for `view-grid-size`), else the only one showing
 * the same text. Fields already taken are passed over. `sure`: only a field named like its path, or named by its
 * last member and showing its value.
 */
export function matchPageField(
  entry: BodyEntry,
  page: readonly CapturedField[],
  taken: ReadonlySet<CapturedField>,
  sure = false,
): CapturedField | undefined {
  const free = page.filter((field) => !taken.has(field));
  const named = free.find(
    (field) =>
      field.key === entry.key ||
      field.locator.name === entry.key ||
      (entry.segments.length === 1 && field.locator.name === lastMember(entry)),
  );
  if (named) return named;
  const naming = free.filter((field) =>
    [field.locator.name, field.locator.id].some((n) => namesEntry(n, entry)),
  );
  const sameValue = naming.find((field) => String(field.value) === String(entry.value));
  if (sure || sameValue) return sameValue;
  if (naming[0]) return naming[0];
  if (typeof entry.value === 'string' && entry.value.length >= 3 && entry.value !== LEFT_OUT) {
    const showing = free.filter((field) => field.value === entry.value);
    if (showing.length === 1) return showing[0];
  }
  return undefined;
}

/**
 * The fields of a save whose request body is the truth: one per body entry, labelled and located by the page field
 * that shows it when there is one (else its humanised path), valued like that field. A left-out value becomes a
 * field with value null; the caller gives it its secret hash.
 */
export function bodyToFields(
  entries: readonly BodyEntry[],
  page: readonly CapturedField[],
  section = '',
): CapturedField[] {
  const taken = new Set<CapturedField>();
  const keys = new Set<string>();
  // A member named '' (or paths that print alike) still needs a unique, non-empty key; such a field is not
  // restored by request, since its key no longer names its place.
  const uniqueKey = (key: string) => {
    let unique = key || 'field';
    for (let n = 2; keys.has(unique); n++) unique = `${key || 'field'}-${n}`;
    keys.add(unique);
    return unique;
  };
  // AngularJS's own members (`$$hashKey`, a new one on every load) are no setting.
  const settings = entries.filter(
    (entry) => !entry.segments.some((s) => typeof s === 'string' && s.startsWith('$$')),
  );
  // A page field goes to the value it shows before any other its name fits: Syncthing's Connections tab shows
  // `options.maxRecvKbps`, and every device of the same body has a `maxRecvKbps` too, listed before it.
  const matches = new Map<BodyEntry, CapturedField>();
  for (const sure of [true, false]) {
    for (const entry of settings) {
      if (matches.has(entry)) continue;
      const match = matchPageField(entry, page, taken, sure);
      if (!match) continue;
      taken.add(match);
      matches.set(entry, match);
    }
  }
  const fields = settings.map((entry): CapturedField => {
    const match = matches.get(entry);
    const last = lastMember(entry);
    const locator: FieldLocator = match
      ? match.locator
      : {
          inputType: inputTypeOf(entry.value),
          ...(entry.segments.length === 1 ? { name: entry.key } : {}),
          ...(section ? { section } : {}),
        };
    const leftOut = entry.value === LEFT_OUT || Boolean(match?.secret);
    return {
      key: uniqueKey(entry.key),
      label: match?.label || humanize(last) || entry.key,
      value: leftOut ? null : toFieldValue(entry.value, match?.value ?? undefined),
      ...(match?.secret ? { secret: match.secret } : {}),
      // Texts by value: a value the request sent that the page did not show simply has none.
      ...(match?.texts && !leftOut ? { texts: match.texts } : {}),
      locator,
    };
  });
  // Two entries read alike (`view.size`, `grid.size`): the parent's name tells them apart.
  const counts = new Map<string, number>();
  fields.forEach((field) => counts.set(field.label, (counts.get(field.label) ?? 0) + 1));
  return fields.map((field, i) => {
    if ((counts.get(field.label) ?? 0) < 2) return field;
    const parent = settings[i]?.segments
      .slice(0, -1)
      .filter((s) => typeof s === 'string')
      .pop();
    return parent ? { ...field, label: `${humanize(parent)} › ${field.label}` } : field;
  });
}
