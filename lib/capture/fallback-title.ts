import { cleanText } from './clean-text';
import { humanize } from './field-label';
import { MAX_TITLE_CHARS } from './limits';
import { endpointSegments, typeFromUrl } from './section-type';
import type { FieldLocator } from './snapshot';

/** Button words that say "save" and nothing about what is saved. */
const SAVE_VERB = /^(save|apply|update|submit|store|confirm)\b(\s+(changes|settings|all))?[\s:–-]*/i;
const NOTHING_LEFT = /^(ok|okay|done|close|cancel|changes|settings|all|now|\W*)$/i;

/** "Save bot names" → "Bot names"; '' for a button that only says Save, OK, Close… */
export function titleFromSubmitter(submitter: FieldLocator | undefined): string {
  const text = cleanText(submitter?.label || submitter?.ariaLabel || '', MAX_TITLE_CHARS);
  const rest = text.replace(SAVE_VERB, '').trim();
  if (NOTHING_LEFT.test(rest)) return '';
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * "Webhooks" for `/api/workspaces/acme/settings/webhooks` (the segment that names the section), else the path
 * template: "Settings › User" for `/settings/user` (ids and `api` dropped); '' for `/`.
 */
export function titleFromEndpoint(url: string | undefined): string {
  const named = typeFromUrl(url ?? '');
  if (named) return humanize(named);
  const words = endpointSegments(url ?? '')
    .filter((segment) => !/^(api|rest|v\d+)$/i.test(segment))
    .map((segment) => humanize(segment))
    .filter(Boolean);
  return words.join(' › ').slice(0, MAX_TITLE_CHARS);
}

/** The title of a section that has none on the page: the save button's words, the endpoint, else the page path. */
export function fallbackTitle(input: {
  submitter?: FieldLocator;
  requestUrl?: string;
  pageUrl: string;
}): string {
  return (
    titleFromSubmitter(input.submitter) ||
    titleFromEndpoint(input.requestUrl) ||
    titleFromEndpoint(input.pageUrl) ||
    'Settings'
  );
}
