import type { BrowserContext, Locator, Page } from '@playwright/test';
import { configureExtension, journalEntries, journalSnapshot, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { dokuwikiAvailable, startDokuWiki, type RunningDokuWiki } from '../support/real-apps/dokuwiki';
import { startNodeRed, type RunningNodeRed } from '../support/real-apps/node-red';
import { PopupPage } from './pages/popup-page';

// Two real open-source apps nobody here wrote (tests/support/real-apps/README.md): Node-RED saves its user
// settings tray as nested JSON by XHR; DokuWiki's Configuration Manager is a classic form post with a CSRF token.

interface CapturedSnapshot {
  type: string;
  title: string;
  fields: { key: string; label: string; value: unknown }[];
  request?: { method: string; url: string; body?: unknown; bodyKind: string };
  trigger: { kind: string };
  leftOut: string[];
}

/** Every backup in the journal with its snapshot, oldest first. */
async function backups(context: BrowserContext): Promise<CapturedSnapshot[]> {
  const entries = await journalEntries(context);
  return Promise.all(
    entries.map(async (entry) => (await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot),
  );
}

/** The fields of a snapshot as `{ key: value }`. */
function fieldValues(snapshot: CapturedSnapshot | undefined): Record<string, unknown> {
  return Object.fromEntries((snapshot?.fields ?? []).map((field) => [field.key, field.value]));
}

/** A title a user can tell sections apart by: not empty, not a placeholder. */
const PLACEHOLDER_TITLE = /^(|section|settings|untitled)$/i;

// ---------------------------------------------------------------------------------------------------------------
// Node-RED

/** The settings Node-RED 4.1's tray writes on its first close (its defaults): seeded so loading writes nothing. */
const NODE_RED_DEFAULTS = {
  editor: {
    view: {
      'view-store-zoom': false,
      'view-store-position': false,
      'view-show-grid': true,
      'view-snap-grid': true,
      'view-grid-size': 20,
      'view-node-status': true,
      'view-node-info-icon': true,
      'view-node-show-label': true,
      'view-show-tips': true,
      'view-show-welcome-tours': true,
    },
  },
};

/** One flow with an inject node: its button POSTs `/inject/:id`, a command that saves no setting. */
const INJECT_FLOW = [
  { id: 'f1a0c0de00000001', type: 'tab', label: 'Flow 1' },
  {
    id: 'a1b2c3d4e5f60718',
    type: 'inject',
    z: 'f1a0c0de00000001',
    name: 'Ping',
    props: [{ p: 'payload' }],
    repeat: '',
    once: false,
    topic: '',
    payload: '',
    payloadType: 'date',
    x: 140,
    y: 80,
    wires: [[]],
  },
];

/** What one visit to the settings tray changes. */
interface ViewChange {
  gridSize: string;
  snapToGrid: boolean;
  nodeStatus: boolean;
  showGrid?: boolean;
  showLabel?: boolean;
}

/** Node-RED's flow editor and its user settings tray, as a user drives them. */
class NodeRedEditor {
  constructor(
    readonly page: Page,
    readonly app: RunningNodeRed,
  ) {}

  async open(): Promise<this> {
    await this.page.goto(this.app.editorUrl);
    await expect(this.page.locator('#red-ui-header-button-sidemenu')).toBeVisible();
    // The workspace is drawn once the flows are loaded; the tray cannot open before.
    await expect(this.page.locator('#red-ui-workspace-chart svg')).toBeVisible();
    return this;
  }

  get tray(): Locator {
    return this.page.locator('.red-ui-tray').filter({ hasText: 'User Settings' });
  }

  /** Menu → Settings: the tray with its View pane (the form exists only while the tray is open). */
  async openSettings(): Promise<void> {
    await this.page.locator('#red-ui-header-button-sidemenu').click();
    await this.page.locator('#menu-item-user-settings').click();
    await expect(this.page.locator('#user-settings-view-grid-size')).toBeVisible();
  }

  /** Close: the tray saves every View setting in one `POST /settings/user` (300 ms later) and leaves the DOM. */
  async closeSettings(): Promise<void> {
    const saved = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/settings/user'),
    );
    await this.tray.locator('#node-dialog-ok').click();
    expect((await saved).ok()).toBe(true);
    await expect(this.page.locator('#user-settings-view-grid-size')).toHaveCount(0);
  }

  /** Opens the tray, sets the grid size and the given toggles, and closes it. */
  async saveView(change: ViewChange): Promise<void> {
    await this.openSettings();
    await this.page.locator('#user-settings-view-grid-size').fill(change.gridSize);
    await this.page.locator('#user-settings-view-snap-grid').setChecked(change.snapToGrid);
    await this.page.locator('#user-settings-view-node-status').setChecked(change.nodeStatus);
    if (change.showGrid !== undefined)
      await this.page.locator('#user-settings-view-show-grid').setChecked(change.showGrid);
    if (change.showLabel !== undefined)
      await this.page.locator('#user-settings-view-node-show-label').setChecked(change.showLabel);
    await this.closeSettings();
  }

  /** Clicks the inject node's button on the canvas. */
  async inject(): Promise<void> {
    const injected = this.page.waitForResponse((response) => response.url().includes('/inject/'));
    await this.page.locator('.red-ui-flow-node-button rect.red-ui-flow-node-button-button').first().click();
    expect((await injected).ok()).toBe(true);
  }
}

/** The view settings Node-RED holds for the anonymous user. */
async function nodeRedView(app: RunningNodeRed): Promise<Record<string, unknown>> {
  const settings = (await app.readUserSettings()) as { editor?: { view?: Record<string, unknown> } };
  return settings.editor?.view ?? {};
}

test.describe('Node-RED 4.1 user settings (XHR, nested JSON)', () => {
  // One Node-RED for the suite (it takes 1.5 s to start, 4 s on a busy machine); each test starts from its defaults.
  let nodeRed: RunningNodeRed;

  test.beforeAll(async () => {
    nodeRed = await startNodeRed({ userSettings: NODE_RED_DEFAULTS, flows: INJECT_FLOW });
  });

  test.afterAll(async () => {
    await nodeRed?.stop();
  });

  test.beforeEach(async ({ context }) => {
    // The server merges what it is sent into what it holds: sending every default is a reset.
    const reset = await fetch(`${nodeRed.url}/settings/user`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(NODE_RED_DEFAULTS),
    });
    expect(reset.status).toBe(204);
    await configureExtension(context, { watched: ['http://127.0.0.1:*/*'] });
  });

  test('closing the settings tray is captured: one backup holding the nested JSON request', async ({
    context,
  }) => {
    const editor = await new NodeRedEditor(await context.newPage(), nodeRed).open();
    await editor.saveView({ gridSize: '40', snapToGrid: false, nodeStatus: false });
    expect(await nodeRedView(nodeRed)).toMatchObject({
      'view-grid-size': '40',
      'view-snap-grid': false,
      'view-node-status': false,
    });

    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    const [snapshot] = await backups(context);
    expect(snapshot?.request).toMatchObject({ method: 'POST', bodyKind: 'json' });
    expect(new URL(snapshot?.request?.url ?? '').pathname).toBe('/settings/user');
    expect(snapshot?.request?.body).toMatchObject({
      editor: { view: { 'view-grid-size': '40', 'view-snap-grid': false, 'view-node-status': false } },
    });
    expect(snapshot?.trigger.kind).toBe('xhr');
  });

  test('the nested settings are fields keyed by their JSON path, under a meaningful title', async ({
    context,
  }) => {
    const editor = await new NodeRedEditor(await context.newPage(), nodeRed).open();
    await editor.saveView({ gridSize: '40', snapToGrid: false, nodeStatus: false });
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    const [snapshot] = await backups(context);
    expect(fieldValues(snapshot)).toMatchObject({
      'editor.view.view-grid-size': '40',
      'editor.view.view-snap-grid': false,
      'editor.view.view-node-status': false,
      'editor.view.view-show-grid': true,
    });
    expect(snapshot?.title).toBe('User Settings');
    expect(snapshot?.type).toBe('user');
    // Each labelled by its field in the tray; the telemetry toggle's label holds its description after its title.
    const labels = Object.fromEntries((snapshot?.fields ?? []).map((field) => [field.key, field.label]));
    expect(labels).toMatchObject({
      'editor.view.view-grid-size': 'Grid size',
      telemetryEnabled: 'Enable Update Notifications',
    });
  });

  test('an inject button (a command, not a setting) makes no backup', async ({ context }) => {
    const editor = await new NodeRedEditor(await context.newPage(), nodeRed).open();
    await editor.inject();
    await editor.saveView({ gridSize: '30', snapToGrid: true, nodeStatus: true });
    const paths = async () => (await backups(context)).map((s) => new URL(s.request?.url ?? 'x:/').pathname);
    // The settings save comes after the inject: once it is in the journal, so is anything the inject made.
    await expect.poll(paths).toContain('/settings/user');
    expect(await paths()).toEqual(['/settings/user']);
  });

  const OLDER = { gridSize: '40', snapToGrid: false, nodeStatus: false, showGrid: false, showLabel: false };
  const NEWER = { gridSize: '60', snapToGrid: true, nodeStatus: true, showGrid: true, showLabel: true };
  const OLDER_VIEW = {
    'view-grid-size': '40',
    'view-snap-grid': false,
    'view-node-status': false,
    'view-show-grid': false,
    'view-node-show-label': false,
  };

  /** Two tray saves, OLDER then NEWER, each in the journal. */
  async function saveOlderThenNewer(context: BrowserContext): Promise<NodeRedEditor> {
    const editor = await new NodeRedEditor(await context.newPage(), nodeRed).open();
    await editor.saveView(OLDER);
    await editor.saveView(NEWER);
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    return editor;
  }

  /** The older save restored in full from the popup, by Node-RED's own request, while the editor stays open. */
  async function restoreOlder(context: BrowserContext, extensionId: string) {
    const editor = await saveOlderThenNewer(context);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, editor.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    expect(await nodeRedView(nodeRed)).toMatchObject(OLDER_VIEW);
    return { editor, popup };
  }

  test('a restore puts 5 older settings back by Node-RED’s own request (the tray is closed) and reads them back', async ({
    context,
    extensionId,
  }) => {
    const editor = await saveOlderThenNewer(context);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, editor.page));
    // The history counts what the dashboard changed: the 5 settings, not every field of the page.
    await expect(popup.entries.first()).toContainText('5 fields changed');
    await popup.previewRestore(1);
    // The tray is not on screen: the preview says which request it sends and compares with what Node-RED holds.
    await expect(popup.page.getByTestId('restore-request')).toContainText(
      `POST ${nodeRed.url}/settings/user`,
    );
    await expect(popup.page.getByText('5 fields differ from the dashboard.')).toBeVisible();
    await popup.screenshot('real-node-red-preview');
    await popup.applyRestore();
    await expect(popup.page.getByTestId('report-request')).toContainText('read the settings back');
    // The 5 changed settings, read back from Node-RED (telemetryEnabled, which its read does not show, is offered
    // unticked).
    await expect(popup.page.locator('.outcome-applied')).toHaveCount(5);
    await expect(popup.page.locator('.outcome-changed-by-dashboard, .outcome-rejected')).toHaveCount(0);
    await popup.screenshot('real-node-red-report');
    expect(await nodeRedView(nodeRed)).toMatchObject(OLDER_VIEW);
    // The history holds what Node-RED holds now, under the section's title. What it had before is the newer save
    // again, field by field: Undo puts that backup back, with no second copy of it in the history.
    await expect
      .poll(async () => (await journalEntries(context)).map((entry) => entry.source))
      .toEqual(['auto', 'auto', 'restore']);
    expect((await backups(context)).map((snapshot) => snapshot.title)).toEqual(
      Array(3).fill('User Settings'),
    );
    // Made from Node-RED's read, which never shows the `telemetryEnabled` its tray sends: that is no change. The
    // restore changed the 5 settings.
    expect((await journalEntries(context)).map((entry) => entry.changedFields)).toEqual([null, 5, 5]);
    await expect(popup.page.getByRole('button', { name: 'Undo restore' })).toBeVisible();
    // The editor shows what the server holds: reloaded, its tray has the older values again.
    await editor.open();
    await editor.openSettings();
    await expect(editor.page.locator('#user-settings-view-grid-size')).toHaveValue('40');
    await expect(editor.page.locator('#user-settings-view-snap-grid')).not.toBeChecked();
    await expect(editor.page.locator('#user-settings-view-show-grid')).not.toBeChecked();
  });

  test('after a restore by request, the report warns that the editor still holds the newer settings; "Reload page" shows the restored ones', async ({
    context,
    extensionId,
  }) => {
    const { editor, popup } = await restoreOlder(context, extensionId);
    // The editor keeps its settings in memory: closing its tray now would post the newer ones back.
    const stale = popup.page.getByTestId('report-stale');
    await expect(stale).toContainText('still shows the settings from before the restore');
    await expect(stale).toContainText('saving them there would undo it');
    await popup.expectAccessible('real-node-red-report-stale');
    await popup.screenshot('real-node-red-report-stale');
    const reloaded = editor.page.waitForEvent('load');
    await popup.page.getByRole('button', { name: 'Reload page' }).click();
    await reloaded;
    await expect(stale).toContainText('Reloaded');
    await expect(popup.page.getByRole('button', { name: 'Reload page' })).toHaveCount(0);
    await expect(editor.page.locator('#red-ui-workspace-chart svg')).toBeVisible();
    await editor.openSettings();
    await expect(editor.page.locator('#user-settings-view-grid-size')).toHaveValue('40');
    await expect(editor.page.locator('#user-settings-view-snap-grid')).not.toBeChecked();
  });

  test('a save from the editor that still held the newer settings is named in the history as reverting the restore', async ({
    context,
    extensionId,
  }) => {
    const restored = await restoreOlder(context, extensionId);
    const editor = restored.editor;
    let popup = restored.popup;
    // Not reloaded: the editor's tray opens with the newer settings it holds, and closing it posts them back.
    await editor.openSettings();
    await editor.closeSettings();
    const reverts = 'Reverts the restore: 5 of 5 settings';
    await expect
      .poll(async () => (await journalEntries(context)).map((entry) => entry.label ?? entry.source))
      .toEqual(['auto', 'auto', 'restore', reverts]);
    expect(await nodeRedView(nodeRed)).toMatchObject({ 'view-grid-size': '60', 'view-snap-grid': true });
    await popup.page.close();
    popup = await PopupPage.open(context, extensionId, await tabIdOf(context, editor.page));
    await expect(popup.entries.first()).toContainText(reverts);
    await popup.screenshot('real-node-red-history-reverted');
  });

  test('a partial restore changes only the chosen setting; every other stays as Node-RED has it', async ({
    context,
    extensionId,
  }) => {
    const editor = await saveOlderThenNewer(context);
    const [older] = await backups(context);
    const grid = older?.fields.find((field) => field.key === 'editor.view.view-grid-size');
    expect(grid?.label).toBeTruthy();

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, editor.page));
    await popup.previewRestore(1);
    const boxes = popup.page.getByRole('row').getByRole('checkbox', { checked: true });
    while ((await boxes.count()) > 0) await boxes.first().uncheck();
    await popup
      .row(grid?.label ?? '')
      .getByRole('checkbox')
      .check();
    await popup.applyRestore();
    await expect(popup.row(grid?.label ?? '')).toContainText('applied');
    expect(await nodeRedView(nodeRed)).toMatchObject({
      'view-grid-size': '40',
      'view-snap-grid': true,
      'view-node-status': true,
      'view-show-grid': true,
      'view-node-show-label': true,
    });

    // Undo puts back the one setting the restore changed, by the same request, and leaves the others alone.
    await popup.page.getByRole('button', { name: 'Undo restore' }).click();
    await expect(popup.page.locator('.report-summary')).toHaveText(
      'Undone: 1 of 1 field put back as before the restore',
      {
        timeout: 30_000,
      },
    );
    expect(await nodeRedView(nodeRed)).toMatchObject({
      'view-grid-size': '60',
      'view-snap-grid': true,
      'view-node-status': true,
      'view-show-grid': true,
      'view-node-show-label': true,
    });
  });

  test('a restore Node-RED answers with HTTP 500 fails at once, saying so, and leaves no "Before restore" entry', async ({
    context,
    extensionId,
  }) => {
    const editor = await saveOlderThenNewer(context);
    const entriesBefore = (await journalEntries(context)).map((entry) => entry.source);
    await editor.page.route(/\/settings\/user$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"disk full"}' });
    });
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, editor.page));
    await popup.previewRestore(1);
    const started = Date.now();
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toContainText('HTTP 500');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await nodeRedView(nodeRed)).toMatchObject({ 'view-grid-size': '60' });
    // Nothing changed on the server: the history has no "Before restore" entry and no restore.
    await editor.page.waitForTimeout(500);
    expect((await journalEntries(context)).map((entry) => entry.source)).toEqual(entriesBefore);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// DokuWiki

/** DokuWiki's Configuration Manager, as an administrator drives it. */
class DokuWikiConfig {
  constructor(
    readonly page: Page,
    readonly app: RunningDokuWiki,
  ) {}

  get form(): Locator {
    return this.page.locator('#dw__configform');
  }

  async open(): Promise<this> {
    await this.page.goto(this.app.configUrl);
    await expect(this.form).toBeVisible();
    return this;
  }

  /** Fills the Basic and Display settings and presses Save: a form post answered by a redirect to the form. */
  async save(change: {
    title: string;
    tagline: string;
    start: string;
    breadcrumbs: string;
    youAreHere: boolean;
    typography: string;
  }): Promise<void> {
    await this.page.locator('#config___title').fill(change.title);
    await this.page.locator('#config___tagline').fill(change.tagline);
    await this.page.locator('#config___start').fill(change.start);
    await this.page.locator('#config___breadcrumbs').fill(change.breadcrumbs);
    await this.page.locator('#config___youarehere').setChecked(change.youAreHere);
    await this.page.locator('#config___typography').selectOption(change.typography);
    await Promise.all([
      this.page.waitForURL(/page=config/),
      this.form.getByRole('button', { name: 'Save' }).click(),
    ]);
    await expect(this.page.getByText('Settings updated successfully.')).toBeVisible();
  }
}

const FIRST = {
  title: 'Team handbook',
  tagline: 'Everything we know',
  start: 'home',
  breadcrumbs: '4',
  youAreHere: true,
  typography: '2',
};
/** FIRST as DokuWiki writes it to conf/local.php (a checked box is '1'). */
const FIRST_IN_LOCAL_PHP = {
  title: FIRST.title,
  tagline: FIRST.tagline,
  start: FIRST.start,
  breadcrumbs: FIRST.breadcrumbs,
  youarehere: '1',
  typography: FIRST.typography,
};
const SECOND = {
  title: 'Ops runbook',
  tagline: 'When things break',
  start: 'index',
  breadcrumbs: '7',
  youAreHere: false,
  typography: '0',
};

/** Breadcrumbs as a teammate saved them from another browser, after FIRST and SECOND. */
const TEAMMATE_BREADCRUMBS = '3';
/** The start page as a teammate saved it later, while this browser's Configuration Manager was open. */
const TEAMMATE_START = 'team-start';
/** The Tagline the teammate saves while this browser's form is open, which a restore of the Tagline replaces. */
const TEAMMATE_TAGLINE = 'Written by the on-call team';

test.describe('DokuWiki Configuration Manager (classic form post, CSRF token)', () => {
  const unavailable = dokuwikiAvailable();
  test.skip(unavailable !== null, unavailable ?? '');
  // One wiki for the suite; each test starts from its initial configuration (and logs in with a new browser).
  let wiki: RunningDokuWiki;

  test.beforeAll(async () => {
    wiki = await startDokuWiki();
  });

  test.afterAll(async () => {
    await wiki?.stop();
  });

  test.beforeEach(async ({ context }) => {
    await wiki.resetConfig();
    await configureExtension(context, { watched: [`${wiki.url}/*`] });
  });

  test('saving the configuration is captured: one backup with the form post and its values', async ({
    context,
  }) => {
    const page = await context.newPage();
    let sectok = '';
    const all = await saveAfter(page, context, async () => {
      sectok = await page.locator('#dw__configform input[name=sectok]').inputValue();
    });
    expect(sectok).toMatch(/^[0-9a-f]{32}$/);
    expect(await wiki.readConfig()).toMatchObject(FIRST_IN_LOCAL_PHP);

    const saved = all.filter((s) => 'config[title]' in fieldValues(s));
    expect(saved).toHaveLength(1);
    expect(fieldValues(saved[0])).toMatchObject({
      'config[title]': FIRST.title,
      'config[tagline]': FIRST.tagline,
      'config[start]': FIRST.start,
      'config[breadcrumbs]': FIRST.breadcrumbs,
      'config[youarehere]': true,
      'config[typography]': FIRST.typography,
    });
    // The CSRF token is the page's, not a setting: never stored.
    expect(JSON.stringify(saved[0])).not.toContain(sectok);
  });

  /** Logs in, opens the Configuration Manager, runs `between`, saves FIRST and waits for its backup. */
  async function saveAfter(page: Page, context: BrowserContext, between = async () => {}) {
    await wiki.login(page);
    const config = await new DokuWikiConfig(page, wiki).open();
    await between();
    await config.save(FIRST);
    // Whatever came before the save is in the journal once the save's backup is.
    await expect
      .poll(async () => (await backups(context)).some((s) => 'config[title]' in fieldValues(s)))
      .toBe(true);
    return backups(context);
  }

  test("logging in through the wiki's own form makes no backup", async ({ context }) => {
    const all = await saveAfter(await context.newPage(), context);
    expect(all.filter((s) => !('config[title]' in fieldValues(s)))).toEqual([]);
  });

  test('the quick search (a POST that reads) makes no backup', async ({ context }) => {
    // Every key typed in the search box POSTs `lib/exe/ajax.php` (`call=qsearch&q=…`, a form-encoded string).
    const page = await context.newPage();
    const all = await saveAfter(page, context, async () => {
      const searched = page.waitForResponse((response) => response.url().includes('/lib/exe/ajax.php'));
      await page.locator('#qsearch__in').pressSequentially('wel', { delay: 50 });
      await searched;
    });
    expect(all.map((s) => s.request?.url ?? '').filter((url) => url.includes('/lib/exe/ajax.php'))).toEqual(
      [],
    );
  });

  test('a save the wiki refuses (an invalid value: the form comes back, 200, marked) makes no backup', async ({
    context,
  }) => {
    const page = await context.newPage();
    await saveAfter(page, context);
    // "Number of breadcrumbs" holds a number: DokuWiki answers 200 with the form again, the field marked in error,
    // and writes nothing.
    const config = new DokuWikiConfig(page, wiki);
    await page.locator('#config___title').fill('Never saved');
    await page.locator('#config___breadcrumbs').fill('many');
    const answered = page.waitForResponse((response) => response.request().method() === 'POST');
    await config.form.getByRole('button', { name: 'Save' }).click();
    expect((await answered).status()).toBe(200);
    await expect(page.locator('#config___breadcrumbs')).toHaveValue('many');
    await expect(page.locator('#dw__configform td.value.error')).toHaveCount(1);
    expect(await wiki.readConfig()).toMatchObject({ title: FIRST.title });
    // A save it accepts afterwards is captured: once it is in the journal, so would the refused one be.
    await config.save(SECOND);
    const titles = async () =>
      (await backups(context)).map((s) => fieldValues(s)['config[title]']).filter((t) => t !== undefined);
    await expect.poll(titles).toContain(SECOND.title);
    expect(await titles()).toEqual([FIRST.title, SECOND.title]);
  });

  test('the backup is titled and typed after the Configuration Manager', async ({ context }) => {
    // The page's `h1` before the form titles it; the form's own `h1`s head its groups ("DokuWiki", "Plugins").
    const [saved] = (await saveAfter(await context.newPage(), context)).filter(
      (s) => 'config[title]' in fieldValues(s),
    );
    expect(saved?.title).not.toMatch(PLACEHOLDER_TITLE);
    expect(saved?.title).toBe('Configuration Manager');
    expect(saved?.type).toBe('config');
  });

  test('a restore from another page of the wiki puts 6 settings back through the form, with a fresh token; the report names the other tab showing the form, not a wiki page', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await saveAfter(page, context);
    await new DokuWikiConfig(page, wiki).save(SECOND);
    const saves = async () => (await backups(context)).filter((s) => 'config[title]' in fieldValues(s));
    await expect.poll(async () => (await saves()).length).toBe(2);
    // Two more tabs of the wiki: the Configuration Manager (its form still shows SECOND after the restore, and its
    // Save would send SECOND back), and a wiki page, which holds no settings.
    const formTab = await context.newPage();
    await new DokuWikiConfig(formTab, wiki).open();
    const readingTab = await context.newPage();
    await readingTab.goto(`${wiki.url}/doku.php?id=wiki:welcome`);
    await expect(readingTab.locator('#dw__configform')).toHaveCount(0);
    // The user is reading a wiki page: the Configuration Manager's form is not on screen.
    await page.goto(`${wiki.url}/doku.php?id=start`);
    await expect(page.locator('#dw__configform')).toHaveCount(0);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    // Newest first: SECOND, then FIRST.
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Wiki title')).toContainText('applied');
    const stale = popup.page.getByTestId('report-stale');
    await expect(stale).toContainText(
      `“${await formTab.title()}” still shows the settings from before the restore`,
    );
    await expect(stale).not.toContainText(await readingTab.title());
    await popup.screenshot('real-dokuwiki-report');
    expect(await wiki.readConfig()).toMatchObject(FIRST_IN_LOCAL_PHP);
    // The wiki shows what it holds: the form, loaded afresh, has the first values again.
    await new DokuWikiConfig(page, wiki).open();
    await expect(page.locator('#config___title')).toHaveValue(FIRST.title);
    await expect(page.locator('#config___youarehere')).toBeChecked();
  });

  test('"Undo restore" pressed as soon as the report shows (the wiki still loading its answer) puts the settings back', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await saveAfter(page, context);
    await new DokuWikiConfig(page, wiki).save(SECOND);
    const saves = async () => (await backups(context)).filter((s) => 'config[title]' in fieldValues(s));
    await expect.poll(async () => (await saves()).length).toBe(2);

    // The form is on screen: the restore fills it and presses Save; the wiki answers with a redirect to the form.
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    // Some 170 settings, 6 of them differing: the preview lists those 6, and the unchanged ones on request.
    const toggle = popup.page.getByText(/^Show \d+ unchanged$/);
    await expect(toggle).toBeVisible();
    await expect(popup.page.getByRole('row').getByRole('checkbox')).toHaveCount(6);
    await popup.screenshot('real-dokuwiki-preview');
    await toggle.click();
    expect(await popup.page.getByRole('row').getByRole('checkbox').count()).toBeGreaterThan(100);
    await toggle.click();
    // A wiki slow to send the form again after the save (its redirect answered at once): the report waits for the
    // form (it checks the restore on it), and Undo is pressed the moment it shows.
    let slowed = false;
    await page.route(/doku\.php\?.*page=config/, async (route) => {
      if (route.request().method() === 'GET' && !slowed) {
        slowed = true;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
      await route.continue();
    });
    await popup.applyRestore();
    await popup.page.getByRole('button', { name: 'Undo restore' }).click();
    await expect(popup.page.locator('.report-summary')).toHaveText(
      'Undone: 6 of 6 fields put back as before the restore',
      {
        timeout: 30_000,
      },
    );
    expect(await wiki.readConfig()).toMatchObject({ title: SECOND.title, tagline: SECOND.tagline });
  });
  test("a setting the wiki's host has locked since the backup is left alone and reported locked; the rest is read back from the form the wiki answers with", async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await saveAfter(page, context);
    await new DokuWikiConfig(page, wiki).save(SECOND);
    const saves = async () => (await backups(context)).filter((s) => 'config[title]' in fieldValues(s));
    await expect.poll(async () => (await saves()).length).toBe(2);
    // The host's admin locks the tagline (conf/local.protected.php): the form shows it disabled, and a save leaves it.
    await wiki.protect({ tagline: SECOND.tagline });
    await new DokuWikiConfig(page, wiki).open();
    await expect(page.locator('#config___tagline')).toBeDisabled();

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    // The wiki's workspace is its host: the header names it whole, and with no other workspace there is no
    // choice to offer (its select read "127.…").
    await expect(popup.page.locator('.workspace-chip')).toHaveText(new URL(wiki.url).host);
    await expect(popup.page.getByRole('combobox', { name: 'Workspace' })).toHaveCount(0);
    await popup.expectFiltersReadable();
    await popup.previewRestore(1);
    // The preview says so before the restore: the field stays ticked (a toggle restored with it could unlock it).
    await expect(popup.row('Tagline')).toContainText(
      'Locked on the page now: restored only if a field restored with it unlocks it',
    );
    await expect(popup.page.locator('.panel-sub').first()).toContainText(
      /6 fields differ from the page( as saved)?\. 1 of them is locked on the page\./,
    );
    await popup.screenshot('real-dokuwiki-preview-locked');
    await popup.applyRestore();
    await expect(popup.row('Wiki title')).toContainText('applied');
    // The form shows it disabled: the restore does not fill it (the post would not carry it), and says so.
    await expect(popup.row('Tagline')).toContainText('locked on the page');
    await expect(popup.page.locator('.report-summary')).toHaveText('5 of 6 fields restored');
    await expect(popup.page.getByTestId('report-request')).toHaveText(
      'Saved with the page’s own Save, then read the settings back from the page the dashboard answered with.',
    );
    await popup.screenshot('real-dokuwiki-report-locked');
    expect(await wiki.readConfig()).toMatchObject({ title: FIRST.title, start: FIRST.start });
    await expect(page.locator('#config___tagline')).toHaveValue(SECOND.tagline);
  });
});

test.describe('DokuWiki Configuration Manager: what an admin reads before and after a restore', () => {
  const unavailable = dokuwikiAvailable();
  test.skip(unavailable !== null, unavailable ?? '');
  let wiki: RunningDokuWiki;

  test.beforeAll(async () => {
    wiki = await startDokuWiki();
  });

  test.afterAll(async () => {
    await wiki?.stop();
  });

  test.beforeEach(async ({ context }) => {
    await wiki.resetConfig();
    await configureExtension(context, { watched: [`${wiki.url}/*`] });
  });

  /** Logs in, saves FIRST then SECOND through the Configuration Manager and waits for both backups. */
  async function saveTwice(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await wiki.login(page);
    const config = await new DokuWikiConfig(page, wiki).open();
    await config.save(FIRST);
    await config.save(SECOND);
    await expect
      .poll(async () => (await backups(context)).filter((s) => 'config[title]' in fieldValues(s)).length)
      .toBe(2);
    return page;
  }

  test('the preview from another page compares with the newest backup, says so, and lists the 6 fields that differ', async ({
    context,
    extensionId,
  }) => {
    const page = await saveTwice(context);
    await page.goto(`${wiki.url}/doku.php?id=start`);
    await expect(page.locator('#dw__configform')).toHaveCount(0);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    await expect(popup.page.getByText(/6 fields differ from the newest backup/)).toBeVisible();
    await expect(popup.page.getByText(/^Show \d+ unchanged$/)).toBeVisible();
    await expect(popup.page.getByRole('row').getByRole('checkbox')).toHaveCount(6);
    await expect(popup.row('Wiki title')).toContainText(`${SECOND.title} → ${FIRST.title}`);
  });

  test('a drop-down shows the text of its options, as the page does, not their values', async ({
    context,
    extensionId,
  }) => {
    const page = await saveTwice(context);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    // Typography: SECOND chose "none" (0), FIRST "including single quotes (might not always work)" (2).
    await expect(popup.row('Do typographical replacements')).toContainText(
      'none → including single quotes (might not always work)',
    );
  });

  test("a partial restore with an unsaved edit on the page saves only the ticked field, keeps a teammate's saves (one the page loaded, one made since), names the one it replaced; Undo puts the wiki back", async ({
    context,
    extensionId,
  }) => {
    const page = await saveTwice(context);
    // A teammate saved from another browser since this one's newest backup; the page, reloaded, shows it as saved.
    await wiki.saveElsewhere({ breadcrumbs: TEAMMATE_BREADCRUMBS });
    await page.reload();
    await expect(page.locator('#config___breadcrumbs')).toHaveValue(TEAMMATE_BREADCRUMBS);
    // Typed, not saved: the page's Save sends the whole form, this edit with it.
    await page.locator('#config___title').fill('UNSAVED DRAFT');
    // The teammate saves again while the form is open here: the page still shows the start page they replaced, and
    // the Tagline, which the restore then replaces.
    await wiki.saveElsewhere({ start: TEAMMATE_START, tagline: TEAMMATE_TAGLINE });
    await expect(page.locator('#config___start')).toHaveValue(SECOND.start);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    for (const box of await popup.page.getByRole('row').getByRole('checkbox').all()) await box.uncheck();
    await popup.row('Tagline').getByRole('checkbox').check();
    // The wiki posts this form: the restore fills it on the page loaded again, which the preview says.
    await expect(popup.page.getByTestId('restore-reloads')).toContainText(
      'Savepoint loads this page again before it fills the form',
    );
    await expect(popup.row('Wiki title')).toContainText(
      'Unsaved edit on the page: dropped when the page loads again',
    );
    // And the row compares the backup with the title as the wiki holds it, which the page loaded again shows.
    await expect(popup.row('Wiki title')).toContainText(`${SECOND.title} → ${FIRST.title}`);
    await expect(popup.row('Wiki title')).not.toContainText('UNSAVED DRAFT');
    // The teammate's save is no edit of this page's: not put back over with this browser's older value.
    await expect(popup.page.getByText(/Unsaved edit on the page/)).toHaveCount(1);
    await popup.row('Wiki title').scrollIntoViewIfNeeded();
    await popup.expectAccessible('real-dokuwiki-preview-unsaved');
    await popup.screenshot('real-dokuwiki-preview-unsaved');
    await popup.applyRestore();
    // The report names the teammate's Tagline the restore replaced (Undo puts it back).
    await expect(popup.row('Tagline')).toContainText(
      `applied (replaced “${TEAMMATE_TAGLINE}”, a newer save made elsewhere)`,
    );
    await expect(popup.page.getByTestId('report-replaced')).toContainText(
      '1 field replaced a newer save made elsewhere (in another tab or by a teammate) since the page loaded: Undo restore puts it back.',
    );
    await popup.screenshot('real-dokuwiki-report-unsaved');
    // The restore loaded the form again before filling it: both of the teammate's saves stay.
    expect(await wiki.readConfig()).toMatchObject({
      title: SECOND.title,
      tagline: FIRST.tagline,
      start: TEAMMATE_START,
      breadcrumbs: TEAMMATE_BREADCRUMBS,
    });
    // What the wiki held before the restore, not the draft: the teammate's save with it, which Undo puts back.
    const entries = await journalEntries(context);
    expect(entries.map((entry) => entry.label ?? entry.source)).toEqual([
      'auto',
      'auto',
      expect.stringMatching(/^Before restore/),
      'restore',
    ]);
    for (const entry of entries) {
      const values = fieldValues((await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot);
      expect(values['config[title]']).not.toBe('UNSAVED DRAFT');
    }
    const before = fieldValues((await journalSnapshot(context, entries[2]!.contentHash)) as CapturedSnapshot);
    expect(before).toMatchObject({
      'config[title]': SECOND.title,
      'config[tagline]': TEAMMATE_TAGLINE,
      'config[start]': TEAMMATE_START,
      'config[breadcrumbs]': TEAMMATE_BREADCRUMBS,
    });
    await popup.page.getByRole('button', { name: 'Undo restore' }).click();
    await expect(popup.page.locator('.report-summary')).toContainText('Undone', { timeout: 30_000 });
    expect(await wiki.readConfig()).toMatchObject({
      title: SECOND.title,
      tagline: TEAMMATE_TAGLINE,
      start: TEAMMATE_START,
      breadcrumbs: TEAMMATE_BREADCRUMBS,
    });
  });

  test('a restore the wiki answers with HTTP 500 fails at once, saying so, and leaves no "Before restore" entry', async ({
    context,
    extensionId,
  }) => {
    const page = await saveTwice(context);
    const entriesBefore = (await journalEntries(context)).length;
    await page.route(/doku\.php/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
    });
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    const started = Date.now();
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toContainText('HTTP 500');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await wiki.readConfig()).toMatchObject({ title: SECOND.title });
    expect((await journalEntries(context)).length).toBe(entriesBefore);
  });
});
