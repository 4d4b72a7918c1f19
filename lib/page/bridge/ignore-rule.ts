import { isIdSegment } from './is-id-segment';

/** An ignore rule: a method and a path template where ids are `:id` and the workspace `:workspace`. */
const RULE = /^([A-Z]+) (\/\S*)$/;

function pathSegments(url: string): string[] | null {
  try {
    return new URL(url, 'http://savepoint.invalid').pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
}

/** The ignore rule of a request, e.g. `POST /api/bots/:id/test-webhook` (query strings are not part of it). */
export function ignoreRuleFor(method: string, url: string, workspace?: string): string {
  const segments = (pathSegments(url) ?? []).map((segment) => {
    const decoded = safeDecode(segment);
    if (workspace && decoded === workspace) return ':workspace';
    return isIdSegment(decoded) ? ':id' : literal(segment);
  });
  return `${method.toUpperCase()} /${segments.join('/')}`;
}

/** True when a request is the endpoint a rule names: same method, same path with any value in `:` segments. */
export function matchesIgnoreRule(rule: string, method: string, url: string): boolean {
  const parsed = RULE.exec(rule.trim());
  if (!parsed || parsed[1] !== method.toUpperCase()) return false;
  const template = (parsed[2] ?? '').split('/').filter(Boolean);
  const segments = pathSegments(url);
  if (!segments || segments.length !== template.length) return false;
  return template.every((part, index) => part.startsWith(':') || part === literal(segments[index] ?? ''));
}

/**
 * A path segment as a rule names it literally: a leading `:` written `%3A`, since a rule's `:` segment stands for
 * any segment (a request to `/:a/:b` is no template for every two-segment path).
 */
function literal(segment: string): string {
  return segment.startsWith(':') ? `%3A${segment.slice(1)}` : segment;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
