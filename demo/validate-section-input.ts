import type { FieldSpec, SectionSpec, SectionValues } from './sections';

/** How the input arrived: form bodies carry only strings, and a classic form leaves unchecked boxes out. */
export interface InputOptions {
  /** Turn `"12"` into 12 and `"on"` into true, as a server does for url-encoded and multipart bodies. */
  coerceStrings: boolean;
  /** A classic form post: a flag missing from the body was an unchecked checkbox. */
  absentFlagsAreFalse: boolean;
}

/** Either the changes to merge into the section, or why the input is refused (400 bad type, 422 refused value). */
export type ValidationResult =
  { ok: true; changes: SectionValues } | { ok: false; status: 400 | 422; error: string };

const TRUE_WORDS = new Set(['on', 'true', '1', 'yes']);
const FALSE_WORDS = new Set(['off', 'false', '0', 'no', '']);

function coerce(field: FieldSpec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (field.kind === 'flag') {
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
  }
  if (field.kind === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** Returns a type error (400) or a refusal (422) for one field, or undefined when the value is fine. */
function checkField(
  name: string,
  field: FieldSpec,
  value: unknown,
): { status: 400 | 422; error: string } | undefined {
  switch (field.kind) {
    case 'text':
    case 'secret':
      if (typeof value !== 'string') return { status: 400, error: `${name} must be a string` };
      if (value.length > field.maxLength)
        return { status: 422, error: `${name} must be at most ${field.maxLength} characters` };
      return undefined;
    case 'choice':
      if (typeof value !== 'string') return { status: 400, error: `${name} must be a string` };
      if (!field.options.includes(value))
        return { status: 422, error: `${name} must be one of ${field.options.join(', ')}` };
      return undefined;
    case 'flag':
      return typeof value === 'boolean' ? undefined : { status: 400, error: `${name} must be a boolean` };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { status: 400, error: `${name} must be a number` };
      if (field.integer && !Number.isInteger(value))
        return { status: 422, error: `${name} must be a whole number` };
      if (value < field.min) return { status: 422, error: `${name} must be at least ${field.min}` };
      if (value > field.max) return { status: 422, error: `${name} must be at most ${field.max}` };
      return undefined;
    case 'items':
      return { status: 422, error: `${name} cannot be written; remove items one by one` };
  }
}

/** Checks a save body against a section and returns the fields to change; an empty secret keeps the old one. */
export function validateSectionInput(
  spec: SectionSpec,
  input: unknown,
  options: InputOptions,
): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, status: 400, error: 'Body must be an object of fields' };
  const record: Record<string, unknown> = { ...input };
  if (options.absentFlagsAreFalse) {
    for (const [name, field] of Object.entries(spec))
      if (field.kind === 'flag' && !(name in record)) record[name] = false;
  }
  const unknown = Object.keys(record).filter((name) => !Object.hasOwn(spec, name));
  if (unknown.length > 0) return { ok: false, status: 422, error: `Unknown field(s): ${unknown.join(', ')}` };

  const changes: SectionValues = {};
  const problems: { status: 400 | 422; error: string }[] = [];
  for (const [name, raw] of Object.entries(record)) {
    const field = spec[name];
    if (!field) continue;
    const value = options.coerceStrings ? coerce(field, raw) : raw;
    const problem = checkField(name, field, value);
    if (problem) problems.push(problem);
    else if (!(field.kind === 'secret' && value === '')) changes[name] = value;
  }
  if (problems.length === 0) return { ok: true, changes };
  const status = problems.some((problem) => problem.status === 400) ? 400 : 422;
  return { ok: false, status, error: problems.map((problem) => problem.error).join('; ') };
}
