import type { BackupRecord } from '../journal/backup-record';
import { absoluteTime, relativeTime } from '../time';
import { describeAuthor } from './describe-author';
import { describeChanges } from './describe-changes';
import { describeOutbox, type SyncHeader } from './describe-outbox';
import { describeStatus } from './describe-status';
import { MANAGED } from '../watch/managed';
import type { FirstScreen } from './read-first-screen';
import { formatSize } from './format-size';

type Child = Node | string | null | false;

/** An element with attributes and children; text goes in as text, never as markup. */
function el(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

function time(at: number, now: number): HTMLElement {
  return el('time', { datetime: new Date(at).toISOString(), title: absoluteTime(at) }, relativeTime(at, now));
}

function button(label: string, className = 'button small', refusal: string | null = null): HTMLElement {
  const made = el('button', { type: 'button', class: className, tabindex: '-1' }, label);
  if (refusal) {
    made.setAttribute('disabled', '');
    made.title = refusal;
  }
  return made;
}

/** A row of short facts as components/popup/Parts.tsx draws it; a null part is left out. */
function parts(tag: string, className: string, items: (Child[] | null)[], partClass?: string): HTMLElement {
  const shown = items.filter((item) => item !== null);
  return el(
    tag,
    { class: `parts ${className}` },
    ...shown.map((item, index) =>
      el(
        'span',
        { class: partClass ? `part ${partClass}` : 'part' },
        index > 0 ? el('span', { class: 'part-sep', 'aria-hidden': 'true' }, '·') : null,
        ...item,
      ),
    ),
  );
}

/** The status header as components/popup/StatusHeader.tsx draws it once the status is read. */
function header(screen: FirstScreen, now: number): HTMLElement {
  const view = describeStatus(screen.status, screen.configured);
  return el(
    'header',
    { class: 'status-header' },
    el('h1', { class: 'visually-hidden' }, 'Savepoint'),
    el('span', { class: `dot dot-${view.state}`, 'aria-hidden': 'true' }),
    el(
      'div',
      { class: 'status-text' },
      el(
        'div',
        { class: 'status-live' },
        el('strong', {}, view.label),
        view.detail ? el('span', { class: 'status-detail' }, `\u00a0·\u00a0${view.detail}`) : null,
        view.lastSyncedAt || view.waiting > 0
          ? parts(
              'div',
              'status-metas',
              [
                view.lastSyncedAt ? ['Last synced ', time(view.lastSyncedAt, now)] : null,
                view.waiting > 0 ? [`${view.waiting} waiting`] : null,
              ],
              'status-meta',
            )
          : null,
      ),
      ' ',
      view.optionsLink ? button(view.optionsLink, 'link') : null,
    ),
    el('span', { class: 'workspace-chip', title: `Workspace ${screen.workspace}` }, screen.workspace),
    view.state === 'error' ? button('Retry') : null,
  );
}

/** The filters and the Tools button as entrypoints/popup/HistoryView.tsx draws them with nothing filtered. */
function bar(screen: FirstScreen): HTMLElement {
  const select = (label: string, options: string[]) =>
    el(
      'label',
      {},
      el('span', {}, label),
      el('select', { tabindex: '-1' }, ...options.map((option) => el('option', {}, option))),
    );
  return el(
    'div',
    { class: 'history-bar' },
    el(
      'div',
      { class: screen.choice ? 'filters' : 'filters one-workspace' },
      screen.choice ? select('Workspace', [screen.workspace]) : null,
      select('Section', ['All']),
      el(
        'label',
        { class: 'search' },
        el('span', {}, 'Search labels'),
        el('input', { type: 'search', placeholder: 'Label or note', tabindex: '-1' }),
      ),
    ),
    el('div', { class: 'tools-menu' }, button('Tools ▾')),
  );
}

/** One backup as components/popup/HistoryEntry.tsx draws it (its buttons do nothing until the popup takes over). */
function entry(record: BackupRecord, now: number, sync: SyncHeader, refusal: string | null): HTMLElement {
  const outbox = describeOutbox(record, sync);
  return el(
    'div',
    { role: 'listitem', class: 'history-item', 'aria-label': record.title || record.type },
    el(
      'div',
      { class: 'entry' },
      el(
        'div',
        { class: 'entry-head' },
        el('input', {
          type: 'checkbox',
          class: 'entry-select',
          tabindex: '-1',
          'aria-label': 'Select for export',
        }),
        el('span', { class: 'entry-title' }, record.title || record.type),
        record.pinned ? el('span', { class: 'pin-marker', 'aria-hidden': 'true' }, '●') : null,
        el('span', { class: `badge badge-${record.source}` }, record.source),
        el('span', { class: 'entry-time' }, time(record.capturedAt, now)),
      ),
      parts(
        'p',
        'entry-meta',
        [describeChanges(record.changedFields), formatSize(record.size), ...describeAuthor(record)].map(
          (part) => [part],
        ),
      ),
      record.label
        ? el('p', { class: 'entry-label', title: record.label, dir: 'auto' }, el('strong', {}, record.label))
        : null,
      record.note ? el('p', { class: 'entry-label', title: record.note, dir: 'auto' }, record.note) : null,
      outbox ? el('p', { class: `entry-outbox tone-${outbox.tone}` }, outbox.text) : null,
      el(
        'div',
        { class: 'entry-actions' },
        button('Restore', 'button small', refusal),
        button('Diff'),
        button(record.pinned ? 'Unpin' : 'Pin', 'button small', refusal),
        button('Delete', 'button small subtle', refusal),
        record.source === 'auto' ? button('Not a save', 'button small subtle') : null,
      ),
    ),
  );
}

/** The footer as components/popup/PopupFooter.tsx draws it for the tab's dashboard. */
function footer(screen: FirstScreen): HTMLElement {
  const notes = {
    managed: el('span', { class: 'hint' }, 'Watched by your administrator'),
    locked: el('span', { class: 'hint' }, MANAGED),
    unwatch: button('Unwatch', 'link subtle'),
  };
  return el(
    'footer',
    { class: 'footer' },
    button('Options', 'link'),
    screen.footer ? notes[screen.footer] : null,
  );
}

/**
 * Paints the popup's first screen (status, filters, the newest backups) into `container` with plain DOM, so the
 * history shows before React and the popup's other scripts have loaded. It looks as the React popup will and is
 * inert (nothing in it can be focused or clicked) until the React popup replaces it. Text is set as text: a
 * backup's title or label never becomes markup.
 */
export function paintFirstScreen(container: HTMLElement, screen: FirstScreen, now: number): void {
  const sync = describeStatus(screen.status, screen.configured);
  const list = el(
    'div',
    { class: 'history-scroll' },
    el(
      'div',
      { role: 'list', class: 'history-inner', 'aria-label': `Backups (${screen.records.length} newest)` },
      ...screen.records.map((record) => {
        try {
          return entry(record, now, sync, screen.refusal);
        } catch {
          // As the React popup's boundary around each entry shows a backup it cannot draw.
          return el(
            'div',
            { role: 'listitem', class: 'history-item' },
            el('p', { class: 'history-entry' }, 'This backup cannot be shown'),
          );
        }
      }),
    ),
  );
  container.replaceChildren(
    el(
      'div',
      { class: 'popup' },
      header(screen, now),
      el(
        'main',
        { class: 'main' },
        el(
          'section',
          { class: 'history', 'aria-label': 'History' },
          bar(screen),
          // As components/popup/ReadOnlyNote.tsx; without its id, which the React popup's buttons point to.
          screen.refusal ? el('p', { class: 'read-only-note' }, screen.refusal) : null,
          list,
        ),
      ),
      footer(screen),
    ),
  );
  container.inert = true;
}
