/** A watched dashboard pattern compiled for matching: the browser match pattern and an exact matcher. */
export interface CompiledPattern {
  /** Chrome/Firefox match pattern used to register content scripts (port dropped: match patterns ignore it). */
  matchPattern: string;
  /** Origin permission to request, e.g. `http://127.0.0.1/*`. */
  originPattern: string;
  /** The workspace for a URL the pattern matches (the `:workspace` group, else the host), or null. */
  match(url: string): { workspace: string } | null;
}

/** The port an address of each scheme has when it names none. */
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

const PATTERN_RE = /^(https?|\*):\/\/([^/:?#]+)(?::(\d+|\*))?(\/[^?#]*)?$/;

/** Explains why a pattern is invalid, or returns null when it compiles. */
export function patternError(pattern: string): string | null {
  try {
    compileDashboardPattern(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled patterns kept, by pattern text: every page load and every popup looks its URL up in the watched list. */
const compiled = new Map<string, CompiledPattern>();
const MAX_COMPILED = 100;

/**
 * Compiles a URLPattern-style string such as `http://127.0.0.1:*\/:workspace/settings*`: `*` matches anything,
 * `:name` matches one path segment. Without a `:workspace` group the workspace is the host with its port. The result
 * is kept for the next call with the same text (it holds no state: its regular expression has no `g` flag).
 */
export function compileDashboardPattern(pattern: string): CompiledPattern {
  const known = compiled.get(pattern);
  if (known) return known;
  const result = compile(pattern);
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(pattern, result);
  return result;
}

function compile(pattern: string): CompiledPattern {
  const trimmed = pattern.trim();
  const parts = PATTERN_RE.exec(trimmed);
  if (!parts) {
    throw new Error('Use a URL pattern like https://app.example.com/:workspace/settings*');
  }
  const [, scheme = '', host = '', port, rawPath] = parts;
  const path = rawPath ?? '/*';
  if (!/^(\*\.)?[a-z0-9.-]+$/i.test(host) && host !== '*') {
    throw new Error(`"${host}" is not a host name`);
  }
  if (host === '*') throw new Error('Watch a specific host, not every site');
  const groups: string[] = [];
  const pathSource = path
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((piece) => {
      if (piece === '*') return '.*';
      if (piece.startsWith(':') && piece.length > 1) {
        groups.push(piece.slice(1));
        return '([^/]+)';
      }
      return escapeRegExp(piece);
    })
    .join('');
  const hostSource = host.startsWith('*.')
    ? `(?:[^.]+\\.)*${escapeRegExp(host.slice(2))}`
    : escapeRegExp(host.toLowerCase());
  const schemeSource = scheme === '*' ? 'https?' : scheme;
  const portSource = port === undefined ? '' : port === '*' ? '(?::\\d+)?' : `:${port}`;
  const regex = new RegExp(`^${schemeSource}://${hostSource}${portSource}${pathSource}$`, 'i');
  const workspaceIndex = groups.indexOf('workspace');
  const matchPath = path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '*').replace(/\*+/g, '*');
  const matchHost = host.toLowerCase();
  return {
    matchPattern: `${scheme}://${matchHost}${matchPath}`,
    originPattern: `${scheme}://${matchHost}/*`,
    match(url: string) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return null;
      }
      // A pattern that names a port is matched against the address's port even where the browser leaves it out
      // (443 for https, 80 for http): `https://grafana.example.com:443/*` is the page at https://grafana.example.com.
      const urlPort = parsed.port || (port === undefined ? '' : DEFAULT_PORTS[parsed.protocol]);
      const portPart = urlPort ? `:${urlPort}` : '';
      const found = regex.exec(`${parsed.protocol}//${parsed.hostname}${portPart}${parsed.pathname}`);
      if (!found) return null;
      // Without a `:workspace` group, the host with its port: two apps on one machine are two workspaces.
      const workspace = workspaceIndex >= 0 ? found[workspaceIndex + 1] : parsed.host;
      return workspace ? { workspace: decodeURIComponent(workspace) } : null;
    },
  };
}
