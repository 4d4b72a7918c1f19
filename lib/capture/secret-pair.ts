import { secretReasonForNamedValue } from './secret-named-value';

/** Members that name the setting in a name/value pair (`{ name: 'X-Api-Key', value }`, `{ key, val }`, `{ k, v }`). */
const NAME_MEMBERS = new Set(
  'name key id label header field param parameter k variable var property setting title'.split(' '),
);
/** Members that hold the pair's value. */
const VALUE_MEMBERS = new Set('value val v content data secret text default defaultvalue values'.split(' '));

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
    if (isUserRule(names) || names.some((name) => secretReasonForNamedValue(name, value))) secret.add(member);
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
