import type { SentBody } from '../page/bridge/sent-body';
import { digestValue } from './digest-value';
import { truncateValue } from './limits';
import type { RawField } from './snapshot-draft';

type Pool = Map<string, string[]>;

/** A value as the page read it: the form's entry list turns every line break into CRLF. */
function asRead(posted: string): string {
  return truncateValue(posted.replace(/\r\n?/g, '\n'));
}

/** The field's value as the draft carries it (digested in the page for a secret) for one posted value. */
async function asDrafted(field: RawField, posted: string): Promise<string> {
  const read = asRead(posted);
  return field.digested ? digestValue(read) : read;
}

/** Takes from the pool a value of `name` that drafts as `wanted`; false when there is none. */
async function take(pool: Pool, field: RawField, name: string, wanted: string): Promise<boolean> {
  const values = pool.get(name) ?? [];
  for (const [index, value] of values.entries()) {
    if ((await asDrafted(field, value)) === wanted) {
      values.splice(index, 1);
      return true;
    }
  }
  return false;
}

/** For a secret checkbox or multi-select (digested whole, rare): the digest of what was chosen, or of the state. */
async function carriesDigestedChoice(value: string, posted: string[]): Promise<boolean> {
  const states = [posted.map(asRead), posted.length > 0, false];
  for (const state of states) if ((await digestValue(state)) === value) return true;
  return false;
}

/** True when the post carries the field's value, as far as a form's entry list can tell it. */
async function carries(pool: Pool, field: RawField, name: string): Promise<boolean> {
  const { value, type } = field;
  const posted = pool.get(name) ?? [];
  if (typeof value === 'string' && field.digested && (type === 'checkbox' || type === 'select-multiple'))
    return carriesDigestedChoice(value, posted);
  // A single checkbox posts its own value when checked; unchecked it posts nothing, though a hidden companion of
  // the same name may still post a default (Rails' `0`): checked or not, the post says by its own value.
  if (typeof value === 'boolean') {
    const own = asRead(field.onValue ?? 'on');
    return posted.some((one) => asRead(one) === own) === value;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!(await take(pool, field, name, item))) return false;
    return true;
  }
  // No radio checked, or a select with no option chosen: nothing is posted.
  if (value === '' && (type === 'radio' || type === 'select-one') && posted.length === 0) return true;
  return take(pool, field, name, value);
}

/**
 * True when a classic form post carried the values its draft's fields say (`sent`: the body `webRequest` saw the
 * navigation post). Only what a form posts can be held against it: named, enabled controls; a file input is no
 * field, and a value the page shows without posting it (no name, disabled) is read from the page as any capture's.
 */
export async function matchPostedForm(fields: RawField[], sent: SentBody): Promise<boolean> {
  const checked = fields.filter(
    (field) => field.locator.name && !field.disabled && field.type !== 'contenteditable',
  );
  if (checked.length === 0) return true;
  if (sent.kind !== 'form' && sent.kind !== 'absent') return false;
  const pool: Pool = new Map(
    Object.entries(sent.kind === 'form' ? sent.fields : {}).map(([k, v]) => [k, [...v]]),
  );
  for (const field of checked) {
    if (!(await carries(pool, field, field.locator.name as string))) return false;
  }
  return true;
}
