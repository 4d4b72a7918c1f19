import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from '../support/extension-fixture';
import { CONVEX_URL, TEST_ACME_KEY } from '../support/ports';

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
  });
});
