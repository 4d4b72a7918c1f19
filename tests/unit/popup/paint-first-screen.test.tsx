// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryEntry } from '../../../components/popup/HistoryEntry';
import { HistoryFilters } from '../../../components/popup/HistoryFilters';
import { ReadOnlyNote } from '../../../components/popup/ReadOnlyNote';
import { PopupFooter } from '../../../components/popup/PopupFooter';
import { StatusHeader } from '../../../components/popup/StatusHeader';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { describeStatus } from '../../../lib/popup/describe-status';
import type { FirstScreen } from '../../../lib/popup/read-first-screen';
import { paintFirstScreen } from '../../../lib/popup/paint-first-screen';
import { MINUTE } from '../../../lib/time';
import { backupRecord } from '../support/backup-record-fixture';
import { NO_ENTRY_HANDLERS } from '../support/entry-handlers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

function record(id: string, extra: Partial<BackupRecord> = {}): BackupRecord {
  return backupRecord({ id, capturedAt: NOW - 3 * MINUTE, size: 2048, changedFields: 2, ...extra });
}

const RECORDS = [
  record('r3', { label: 'Before the migration', note: 'QA run 7', pinned: true, source: 'manual' }),
  record('r2', { outbox: 'pending', lastError: 'Access key rejected', changedFields: 1, keyLabel: 'ci' }),
  record('r1', { changedFields: null, source: 'restore', title: '' }),
];

function screen(extra: Partial<FirstScreen> = {}): FirstScreen {
  return {
    workspace: 'acme',
    choice: false,
    records: RECORDS,
    status: {
      state: 'synced',
      lastSyncedAt: NOW - MINUTE,
      retryable: true,
      waiting: 0,
      quarantined: 0,
      updatedAt: NOW,
    },
    configured: true,
    refusal: null,
    footer: null,
    ...extra,
  };
}

/** The first screen under each sync status; under "error", the one waiting backup's own error. */
const SCREENS = {
  synced: screen(),
  syncing: screen({
    status: { state: 'syncing', retryable: true, waiting: 4, quarantined: 0, updatedAt: NOW },
  }),
  error: screen({
    status: {
      state: 'error',
      error: 'Access key rejected',
      retryable: false,
      waiting: 1,
      quarantined: 0,
      updatedAt: NOW,
    },
  }),
  offline: screen({ status: undefined, configured: false }),
};

function painted(first: FirstScreen): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  paintFirstScreen(container, first, NOW);
  return container;
}

/**
 * The boxes an element draws, as text: each element's tag and classes, and each text, in order. What the first screen
 * and React draw must match in this, and not only in their text, for nothing to move when React takes over.
 */
function layoutOf(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  if (!(node instanceof Element)) return '';
  const classes = node.getAttribute('class') ?? '';
  return `${node.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}(${[...node.childNodes].map(layoutOf).join(' ')})`;
}

/** What React draws for the same element: its text, and its layout under `selector`. */
async function reactDrawn(
  element: React.ReactElement,
  selector: string,
): Promise<{ text: string; layout: string }> {
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(element));
  const text = container.textContent ?? '';
  // React writes adjacent texts as one node or several; the layout compares them joined.
  container.normalize();
  const layout = layoutOf(container.querySelector(selector));
  act(() => root.unmount());
  return { text, layout };
}

/** What the first screen drew under `selector`, in the same terms. */
function paintedLayout(container: Element | null | undefined, selector: string): string {
  const copy = container?.cloneNode(true) as Element | undefined;
  copy?.normalize();
  return layoutOf(copy?.matches(selector) ? copy : copy?.querySelector(selector));
}

const noop = () => undefined;

/** What the React popup's entry draws for a backup of the first screen's workspace. */
function reactEntry(backup: BackupRecord, first: FirstScreen, refusal: string | null) {
  return reactDrawn(
    <HistoryEntry
      record={backup}
      now={NOW}
      sync={describeStatus(first.status, first.configured)}
      selected={false}
      confirming={null}
      adminRefusal={refusal}
      {...NO_ENTRY_HANDLERS}
    />,
    '.entry',
  );
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('paintFirstScreen', () => {
  it.each([
    ['an admin key', null],
    ['a capture key', 'Restoring, pinning and deleting need an admin key; key "ci" is a capture key'],
  ])(
    'shows each backup with the text the React popup shows for it, newest first, with %s',
    async (_key, refusal) => {
      const first = screen({ refusal });
      const entries = [...painted(first).querySelectorAll('[role="listitem"]')];
      expect(entries).toHaveLength(3);
      for (const [index, entry] of entries.entries()) {
        const { text, layout } = await reactEntry(RECORDS[index] as BackupRecord, first, refusal);
        expect(entry.textContent).toBe(text);
        expect(paintedLayout(entry, '.entry')).toBe(layout);
      }
      // The label and the note, a line each, each in its own direction (a right-to-left one is cut at its end).
      const lines = [...(entries[0]?.querySelectorAll<HTMLElement>('.entry-label') ?? [])];
      expect(lines.map((line) => [line.textContent, line.dir])).toEqual([
        ['Before the migration', 'auto'],
        ['QA run 7', 'auto'],
      ]);
      expect(entries[1]?.textContent).toContain('3 minutes ago');
    },
  );

  it.each([
    ['one workspace: no choice offered, the header names it', false, ['acme']],
    ['several workspaces: the choice, on the one shown', true, ['acme', 'globex']],
  ])('draws the filters as the React popup does, with %s', async (_name, choice, workspaces) => {
    const bar = painted(screen({ choice })).querySelector('.filters');
    const { layout } = await reactDrawn(
      <HistoryFilters
        workspaces={workspaces}
        workspace="acme"
        onWorkspace={noop}
        sections={[]}
        filter={{ section: '', search: '' }}
        onFilter={noop}
      />,
      '.filters',
    );
    // The first screen offers only the workspace shown (React lists the others once it has taken over).
    expect(paintedLayout(bar, '.filters')).toBe(layout.replace('option("globex")', '').replace(/ \)/g, ')'));
    expect(
      bar?.querySelector('select')?.closest('label')?.textContent?.startsWith('Workspace') ?? false,
    ).toBe(choice);
  });

  it('says once above the history why a capture key cannot restore, pin or delete, as the React popup does', async () => {
    const refusal = 'Restoring, pinning and deleting need an admin key; key "ci" is a capture key';
    const container = painted(screen({ refusal }));
    const { layout } = await reactDrawn(<ReadOnlyNote refusal={refusal} />, '.read-only-note');
    expect(paintedLayout(container, '.read-only-note')).toBe(layout);
    expect(container.querySelectorAll('.read-only-note')).toHaveLength(1);
    expect(container.querySelector('.history-scroll')?.textContent).not.toContain(refusal);
    expect(painted(screen({ refusal: null })).querySelector('.read-only-note')).toBeNull();
  });

  it.each(Object.entries(SCREENS))('shows the %s status as the React header does', async (_name, first) => {
    const header = painted(first).querySelector('header');
    const { text, layout } = await reactDrawn(
      <StatusHeader
        view={describeStatus(first.status, first.configured)}
        loading={false}
        workspace={first.workspace}
        now={NOW}
        retrying={false}
        onRetry={noop}
        statusRef={{ current: null }}
        onOpenOptions={noop}
      />,
      'header',
    );
    expect(header?.textContent).toBe(text);
    expect(paintedLayout(header, 'header')).toBe(layout);
  });

  it.each([
    ['synced', SCREENS.synced, 'Waiting to sync (Access key rejected)'],
    ['syncing', SCREENS.syncing, 'Waiting to sync'],
    ['error', SCREENS.error, 'Waiting to sync'],
    ['offline', SCREENS.offline, null],
  ])(
    'says where a waiting backup stands as the React entry does, under the %s status',
    async (_name, first, hint) => {
      const entry = painted(first).querySelectorAll('[role="listitem"]')[1];
      const { text } = await reactEntry(RECORDS[1] as BackupRecord, first, null);
      expect(entry?.textContent).toBe(text);
      expect(entry?.querySelector('.entry-outbox')?.textContent ?? null).toBe(hint);
    },
  );

  it("puts a backup's title and label in as text, never as markup", () => {
    const container = painted(
      screen({ records: [record('x', { title: '<img src=x onerror="alert(1)">', label: '<b>bold</b>' })] }),
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.entry-label b')).toBeNull();
    expect(container.querySelector('.entry-title')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('is inert: nothing in it can be focused or clicked until the popup takes over', () => {
    expect(painted(screen()).inert).toBe(true);
  });

  it('shows a backup it cannot draw as the React popup does, and the others as they are', () => {
    const entries = painted(
      screen({ records: [record('bad', { capturedAt: 9e15 }), record('ok')] }),
    ).querySelectorAll('[role="listitem"]');
    expect(entries[0]?.textContent).toBe('This backup cannot be shown');
    expect(entries[1]?.textContent).toContain('Bot names');
  });

  it.each([
    ['unwatch', { managed: false, locked: false }],
    ['managed', { managed: true, locked: false }],
    ['locked', { managed: false, locked: true }],
  ] as const)('shows the %s footer as the React footer does', async (note, { managed, locked }) => {
    const footer = painted(screen({ footer: note })).querySelector('footer');
    const { text, layout } = await reactDrawn(
      <PopupFooter
        dashboard={{ id: 'd', pattern: 'https://x/*', extraLeftOut: [], managed }}
        locked={locked}
        confirmingUnwatch={false}
        busy={false}
        onOptions={noop}
        onAskUnwatch={noop}
        onUnwatch={noop}
        onCancelUnwatch={noop}
      />,
      'footer',
    );
    expect(footer?.textContent).toBe(text);
    expect(paintedLayout(footer, 'footer')).toBe(layout);
  });
});
