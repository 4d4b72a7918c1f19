import { slugify } from './slugify';
import { MAX_TYPE_CHARS } from './limits';
import { sectionTitle } from './section-title';

/** Path segments that say "this is an API / a save" but never which section: skipped when naming a section. */
const GENERIC_SEGMENTS = new Set(
  (
    'api rest graphql rpc ajax json xhr v1 v2 v3 v4 v5 settings setting config configuration configurations ' +
    'preferences prefs options admin dashboard manage account save update edit submit set put patch post ' +
    'store change apply index default me self current items item entries entry records record rows row'
  ).split(' '),
);

/** Collections whose next path segment is an id or slug of a thing (`/workspaces/acme/`), not a section. */
const COLLECTIONS = new Set(
  (
    'workspaces workspace users user teams team orgs org organizations organization organisations projects ' +
    'project accounts sites site apps app tenants tenant companies company customers members spaces space ' +
    'bots bot items entries records rows environments envs'
  ).split(' '),
);

/** Words around a name that add nothing to it (`brain-settings-form` is the `brain` section). */
const NOISE_WORDS = new Set([
  'form',
  'section',
  'panel',
  'card',
  'settings',
  'setting',
  'config',
  'page',
  'tab',
]);

function looksLikeId(segment: string): boolean {
  return (
    /^\d+$/.test(segment) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
    /^[0-9a-f]{12,}$/i.test(segment) ||
    // ULIDs, nanoids, Convex ids: long, and mixing letters with digits.
    (segment.length >= 10 && /\d/.test(segment) && /[a-z]/i.test(segment) && !/-/.test(segment)) ||
    /\d{3,}/.test(segment) ||
    /^[:@{]/.test(segment)
  );
}

/** Drops leading/trailing noise words from a slug, unless nothing else is left. */
function denoise(slug: string): string {
  const words = slug.split('-');
  while (words.length > 1 && NOISE_WORDS.has(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 1 && NOISE_WORDS.has(words[0] ?? '')) words.shift();
  return words.join('-');
}

/** Normalises any candidate name into a section type slug, or '' when it names nothing. */
export function toSectionType(text: string): string {
  return denoise(slugify(text, MAX_TYPE_CHARS));
}

/** The last path segment of a save request's URL that names a section, as a slug; '' when none does. */
export function typeFromUrl(url: string): string {
  let segments: string[];
  try {
    segments = new URL(url, 'http://localhost/').pathname.split('/').map((s) => {
      try {
        return decodeURIComponent(s).replace(/\.[a-z0-9]{1,5}$/i, '');
      } catch {
        return s;
      }
    });
  } catch {
    return '';
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    const lower = segment.toLowerCase();
    if (!segment || GENERIC_SEGMENTS.has(lower) || COLLECTIONS.has(lower) || looksLikeId(segment)) continue;
    if (COLLECTIONS.has((segments[i - 1] ?? '').toLowerCase())) continue;
    const slug = toSectionType(segment);
    if (slug && !GENERIC_SEGMENTS.has(slug)) return slug;
  }
  return '';
}

/** The path segments of a save endpoint that name it, ids dropped: `/api/bots/42/webhook` → `api`, `bots`, `webhook`. */
export function endpointSegments(url: string): string[] {
  try {
    const segments = new URL(url, 'http://localhost/').pathname.split('/');
    // An id, or the slug after a collection (`/workspaces/acme/`), names a thing, not the endpoint.
    return segments
      .filter(
        (segment, i) =>
          segment && !looksLikeId(segment) && !COLLECTIONS.has(segments[i - 1]?.toLowerCase() ?? ''),
      )
      .map((segment) => segment.replace(/\.[a-z0-9]{1,5}$/i, ''));
  } catch {
    return [];
  }
}

/**
 * A section type naming the save endpoint itself (path template, ids dropped, `api`/versions skipped):
 * `/settings/user` → `settings-user`. For endpoints whose last segments are all generic words; '' for `/`.
 */
export function endpointType(url: string): string {
  const words = endpointSegments(url).filter((s) => !/^(api|rest|v\d+)$/i.test(s));
  return slugify(words.join('-'), MAX_TYPE_CHARS);
}

/** Hidden inputs by which one script (`doku.php`, WordPress's `options.php`) knows which page a form posts. */
const ROUTE_INPUTS = ['option_page', 'page', 'section', 'tab', 'do', 'action'];
/** Route values that say what to do, not which page: `do=admin` is every admin page. */
const ROUTE_VERBS = new Set(['admin', 'save', 'update', 'submit', 'edit', 'post', 'index', 'show']);

/**
 * The section a form posted to a front script names in its hidden inputs: DokuWiki's Configuration Manager sends
 * `do=admin&page=config` → `config`, its search form `do=search` → `search`; '' when it names none.
 */
export function routedPage(form: Element): string {
  for (const name of ROUTE_INPUTS) {
    for (const input of Array.from(form.querySelectorAll(`input[type=hidden][name="${name}"]`))) {
      const value = (input as HTMLInputElement).value.trim();
      if (!value || ROUTE_VERBS.has(value.toLowerCase()) || looksLikeId(value)) continue;
      const slug = toSectionType(value);
      if (slug) return slug;
    }
  }
  return '';
}

/** FNV-1a (32-bit) of `text` in hex: a short stable name for titles that slug to nothing (e.g. CJK). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * Stable slug naming a section, the backup's `type`: from the save request's URL (or a form's action) when it names
 * the section, else the form's `name`/`id`, else its title. Always non-empty, ≤ 200 chars, `[a-z0-9-]`.
 */
export function sectionType(container: Element, requestUrl?: string): string {
  // A classic form post has no captured request; its action names the section as a fetch to that URL would.
  const url = requestUrl ?? (container.tagName === 'FORM' ? container.getAttribute('action') : null);
  // One script serving every page (`doku.php`, `options.php`): the form's hidden page name names the section.
  const routed = !requestUrl && container.tagName === 'FORM' ? routedPage(container) : '';
  if (routed) return routed;
  const fromUrl = url ? typeFromUrl(url) : '';
  if (fromUrl) return fromUrl;
  // Only a form's name/id: ids of layout blocks (`main-content`, `settings-panel`) rarely name a section.
  for (const attribute of container.tagName === 'FORM' ? ['name', 'id'] : []) {
    const value = container.getAttribute(attribute) ?? '';
    // Generated ids (`:r1:`, `ember123`, `form-2`) carry digits; they change between page loads.
    if (value && !/\d/.test(value) && !/^[:@{]/.test(value)) {
      const slug = toSectionType(value);
      if (slug) return slug;
    }
  }
  const title = sectionTitle(container);
  return toSectionType(title) || (title ? `section-${shortHash(title)}` : 'section');
}
