import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { configureExtension, serviceWorkerStorage } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { CONVEX_URL, DEMO_URL, TEST_ACME_KEY } from '../support/ports';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** Presses Enter on `button` from the keyboard, and checks the focus did not fall to the body meanwhile. */
async function pressFromKeyboard(page: Page, button: Locator): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.tagName), 'the focus right after Enter').not.toBe(
    'BODY',
  );
}

/** axe finds no violation in the options page as it is now, in the light and the dark colour scheme. */
async function expectAccessible(page: Page): Promise<void> {
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations, `axe in the ${colorScheme} scheme`).toEqual([]);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

test.describe('the options page from the keyboard', () => {
  test('Test connection keeps the focus on its button while it waits, and says what it found', async ({
    context,
    extensionId,
  }) => {
    const page = await openOptions(context, extensionId);
    const convex = page.getByRole('region', { name: 'Convex backup' });
    const testButton = convex.getByRole('button', { name: 'Test connection' });
    const status = convex.getByRole('status').last();
    await convex.getByLabel('Convex URL').fill(CONVEX_URL);

    for (const [key, answer] of [
      ['sp_wrong_key_0123456789', 'Access key rejected'],
      [TEST_ACME_KEY, 'Connected: admin key "Local admin" for "acme"'],
    ] as const) {
      await convex.getByLabel('Access key').fill(key);
      await pressFromKeyboard(page, testButton);
      await expect(status).toContainText(answer);
      // Not the page's body, from where the next Tab would start again at the top of the page.
      await expect(testButton).toBeFocused();
    }

    // A server that is not Convex (the demo dashboard): what its page says, without its markup.
    await convex.getByLabel('Convex URL').fill(DEMO_URL);
    await pressFromKeyboard(page, testButton);
    await expect(status).toHaveText(
      "Not a Convex deployment with Savepoint's functions (Not found: No page at /api/action)",
    );
    await expect(testButton).toBeFocused();
  });

  test('Add keeps the focus in the form, clears it for the next dashboard, and says what is now watched', async ({
    context,
    extensionId,
  }) => {
    const page = await openOptions(context, extensionId);
    const dashboards = page.getByRole('region', { name: 'Watched dashboards' });
    const field = dashboards.getByLabel('Dashboard URL pattern');
    const pattern = 'http://127.0.0.1:*/:workspace/settings*';
    await field.fill(pattern);
    await pressFromKeyboard(page, dashboards.getByRole('button', { name: 'Add' }));
    await expect(dashboards.getByRole('listitem').first()).toContainText(pattern);
    await expect(dashboards.getByRole('status')).toHaveText(`Watching ${pattern}`);
    // Ready for another one: not the page's body, from where the next Tab would start again at the top.
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('');
    // Typing the next one clears what was said about the last.
    await page.keyboard.type('http://127.0.0.1:*/other/*');
    await expect(dashboards.getByRole('status')).toHaveText('');
  });

  test('Edit, Cancel, Save dashboard and Remove leave the focus where the next step is', async ({
    context,
    extensionId,
  }) => {
    const first = 'http://127.0.0.1:*/acme/settings*';
    const second = 'http://127.0.0.1:*/globex/settings*';
    await configureExtension(context, { watched: [first, second] });
    const page = await openOptions(context, extensionId);
    const dashboards = page.getByRole('region', { name: 'Watched dashboards' });
    const edit = dashboards.getByRole('button', { name: `Edit ${first}` });

    // Edit: its form's first field; Cancel: back on Edit.
    await pressFromKeyboard(page, edit);
    await expect(dashboards.getByLabel('URL pattern', { exact: true })).toBeFocused();
    await expectAccessible(page);
    await pressFromKeyboard(page, dashboards.getByRole('button', { name: 'Cancel' }));
    await expect(edit).toBeFocused();
    // Escape in the form is Cancel too.
    await pressFromKeyboard(page, edit);
    await page.keyboard.press('Escape');
    await expect(dashboards.getByRole('button', { name: 'Save dashboard' })).toBeHidden();
    await expect(edit).toBeFocused();
    // Enter in the form saves it, and the focus is back on Edit.
    await pressFromKeyboard(page, edit);
    await page.keyboard.press('Enter');
    await expect(dashboards.getByRole('button', { name: 'Save dashboard' })).toBeHidden();
    await expect(edit).toBeFocused();

    // Remove asks first: Cancel takes the focus, Escape gives it back to Remove, and nothing is removed.
    const remove = dashboards.getByRole('button', { name: `Remove ${first}` });
    const confirmFirst = dashboards.getByRole('group', { name: `Confirm remove ${first}` });
    await pressFromKeyboard(page, remove);
    await expect(confirmFirst.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirmFirst.screenshot({ path: 'test-results/screenshots/options-remove-confirm.png' });
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(confirmFirst).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(dashboards.getByRole('listitem').filter({ hasText: first })).toHaveCount(1);

    // Removed: the dashboard now in its place takes the focus, then, once none is left, the field that adds one.
    for (const [pattern, next] of [
      [first, dashboards.getByRole('button', { name: `Edit ${second}` })],
      [second, dashboards.getByLabel('Dashboard URL pattern')],
    ] as const) {
      await pressFromKeyboard(page, dashboards.getByRole('button', { name: `Remove ${pattern}` }));
      // The confirm's own Remove is just before its Cancel, which has the focus.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(dashboards.getByRole('group', { name: `Confirm remove ${pattern}` })).toBeHidden();
      await expect(next).toBeFocused();
    }
    await expect(dashboards.getByText('No dashboards watched yet.')).toBeVisible();
  });

  test('a key for another workspace: Enter adds it, the page says it waits for Save, Save keeps one typed and not added, Remove hands the focus on', async ({
    context,
    extensionId,
  }) => {
    const page = await openOptions(context, extensionId);
    const convex = page.getByRole('region', { name: 'Convex backup' });
    const keys = convex.getByRole('list', { name: 'Keys for other workspaces' });
    const status = convex.getByRole('status').last();
    const workspace = convex.getByLabel('Workspace', { exact: true });
    const workspaceKey = convex.getByLabel('Workspace key');
    /** The workspaces with a key of their own in the stored settings (none before the first save). */
    const stored = async () => {
      const settings = (await serviceWorkerStorage(context, 'settings')) as
        { workspaceKeys?: { workspace: string }[] } | undefined;
      return (settings?.workspaceKeys ?? []).map((entry) => entry.workspace);
    };

    // Enter in its field adds the key to the list (it does not send the connection's form, which said "Saved"
    // while the key stayed in the field, unsaved), and the page says it is not kept yet.
    await workspace.fill('globex');
    await workspaceKey.fill('sp_globex_0123456789');
    await workspaceKey.press('Enter');
    await expect(keys).toContainText('globex key …6789');
    await expect(status).toHaveText('Key for globex added. Save connection to keep it.');
    await expect(workspaceKey).toHaveValue('');
    expect(await stored()).toEqual([]);

    // Save connection with a key typed and not added: it is kept too, not left behind in its fields.
    await workspace.fill('initech');
    await workspaceKey.fill('sp_initech_0123456789');
    await convex.getByRole('button', { name: 'Save connection' }).click();
    await expect(status).toHaveText('Saved');
    expect(await stored()).toEqual(['globex', 'initech']);
    await expect(workspace).toHaveValue('');
    await expect(keys).toContainText('initech key …6789');

    // One typed half: nothing is saved, and the page says why.
    await workspace.fill('umbrella');
    await convex.getByRole('button', { name: 'Save connection' }).click();
    await expect(status).toHaveText('Not saved: the workspace key typed above is not complete');
    await expect(convex.getByText('Enter the access key for this workspace')).toBeVisible();
    await page.screenshot({
      path: 'test-results/screenshots/options-workspace-key-incomplete.png',
      fullPage: true,
    });
    await expectAccessible(page);
    await workspace.fill('');

    // Remove from the keyboard: the next key's Remove, then the Workspace field.
    await pressFromKeyboard(page, convex.getByRole('button', { name: 'Remove the key for globex' }));
    await expect(convex.getByRole('button', { name: 'Remove the key for initech' })).toBeFocused();
    await expect(status).toHaveText('Key for globex removed. Save connection to keep this change.');
    await page.keyboard.press('Enter');
    await expect(keys).toBeHidden();
    await expect(workspace).toBeFocused();
    expect(await stored()).toEqual(['globex', 'initech']);
    await convex.getByRole('button', { name: 'Save connection' }).click();
    await expect(status).toHaveText('Saved');
    expect(await stored()).toEqual([]);
  });
});
