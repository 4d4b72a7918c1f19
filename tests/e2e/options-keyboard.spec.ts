import type { BrowserContext, Locator, Page } from '@playwright/test';
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
});
