import { secretReasonForNamedValue } from './secret-named-value';

/** Members that name the setting in a name/value pair (`{ name: 'X-Api-Key', value }`, `{ key, val }`, `{ k, v }`). */
const NAME_MEMBERS = new Set(
  'name key id label header field param parameter k variable var property setting title'.split(' '),
);
/** Members that hold the pair's value. */
const VALUE_MEMBERS = new Set('value val v content data secret text default defaultvalue values'.split(' '));

/**
 * What a pair's value member holds to be judged by the pair's name: itself and, for a list, each item or each
 * item's value (Netlify sends `{ key: 'STRIPE_KEY', values: [{ value, context }] }`).
 */
function valuesOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const items = value.flatMap((item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.entries(item).flatMap(([member, inner]) =>
          VALUE_MEMBERS.has(member.toLowerCase()) ? [inner] : [],
        )
      : [item],
  );
  return [value, ...items];
}

/**
 * The members of an object that are a name/value pair's value and a secret by the pair's name: the `value` of
 * `{ name: 'X-Api-Key', value: … }` or of `{ key: 'DATABASE_PASSWORD', value: … }`, as headers, environment
 * variables and Kubernetes specs are sent. `isUserRule` adds the user's own left-out names.
 */
export function secretPairMembers(
  record: Record<string, unknown>,
  isUserRule: (names: readonly string[]) => boolean,
): Set<string> {
  const members = Object.keys(record);
  const names = members
    .filter((member) => NAME_MEMBERS.has(member.toLowerCase()))
    .map((member) => record[member])
    .filter((name): name is string => typeof name === 'string' && name !== '');
  const secret = new Set<string>();
  if (names.length === 0) return secret;
  for (const member of members) {
    if (!VALUE_MEMBERS.has(member.toLowerCase())) continue;
    const value = record[member];
    const judged = valuesOf(value);
    if (isUserRule(names) || names.some((name) => judged.some((one) => secretReasonForNamedValue(name, one))))
      secret.add(member);
  }
  return secret;
}

/**
 * True for a `[name, value]` tuple whose value is a secret by its name (`['X-Api-Key', …]`), as `fetch` headers
 * and `Object.entries` output are sent.
 */
export function isSecretTuple(items: readonly unknown[]): boolean {
  const [name, value] = items;
  return items.length === 2 && typeof name === 'string' && secretReasonForNamedValue(name, value) !== null;
}
