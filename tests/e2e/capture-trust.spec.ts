import type { Page } from '@playwright/test';
import { configureExtension, journalEntries, journalSnapshot } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';

interface CapturedSnapshot {
  type: string;
  fields: { key: string; value: unknown }[];
}

async function snapshotsOf(page: Page, type: string): Promise<CapturedSnapshot[]> {
  const context = page.context();
  const found: CapturedSnapshot[] = [];
  for (const entry of await journalEntries(context)) {
    if (entry.type === type)
      found.push((await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot);
  }
  return found;
}

test.describe('what gets captured can be trusted', () => {
  test('a forged report cannot swap the body of a real save', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forge`);
    await page.getByLabel('Forge note').fill('real');
    await page.getByRole('button', { name: 'Save, and forge another body' }).click();
    await expect(page.locator('#forge-real-status')).toHaveText('Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['forge-real']);
    // Long enough for the forged report's claim to run out.
    await page.waitForTimeout(3500);
    const snapshots = await snapshotsOf(page, 'forge-real');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.fields.find((f) => f.key === 'forgeNote')?.value).toBe('real');
  });

  test('a form post to analytics in a hidden frame is not a backup; a real form save still is', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forms`);
    await page.getByLabel('Feedback', { exact: true }).fill('Love it');
    const collected = page.waitForResponse((r) => r.url().endsWith('/analytics/collect'));
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await collected;
    await page.getByLabel('Digest title').fill('After feedback');
    await Promise.all([
      page.waitForURL(/saved=form-click/),
      page.getByRole('button', { name: 'Save digest' }).click(),
    ]);
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toContain('click');
    await page.waitForTimeout(500);
    expect((await journalEntries(context)).map((e) => e.type)).toEqual(['click']);
  });
});
