import { expect, type Page } from '@playwright/test';
import { DEMO_URL } from '../../support/ports';

/** The demo dashboard's settings page, as a user drives it. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly workspace = 'acme',
  ) {}

  get url(): string {
    return `${DEMO_URL}/${this.workspace}/settings`;
  }

  async open(): Promise<this> {
    await this.page.goto(this.url);
    return this;
  }

  /** Saves "Bot names" (a fetch PUT) and waits for the dashboard to say how it went. */
  async saveBotNames(primaryName: string): Promise<void> {
    await this.page.getByLabel('Primary bot name').fill(primaryName);
    await this.page.getByRole('button', { name: 'Save bot names' }).click();
  }

  async expectStatus(section: 'bot-names' | 'intern' | 'brain', text: string | RegExp): Promise<void> {
    await expect(this.page.locator(`#${section}-status`)).toHaveText(text);
  }

  /** Saves "Intern" (a classic form post answered with a redirect). */
  async saveIntern(maxTicketsPerDay: number): Promise<void> {
    await this.page.getByLabel('Max tickets per day').fill(String(maxTicketsPerDay));
    await Promise.all([
      this.page.waitForURL(/saved=intern|\/settings\/intern/),
      this.page.getByRole('button', { name: 'Save intern' }).click(),
    ]);
  }

  /** Saves "Brain" (a form whose submit handler saves with fetch). */
  async saveBrain(systemPrompt: string): Promise<void> {
    await this.page.getByLabel('System prompt').fill(systemPrompt);
    await this.page.getByRole('button', { name: 'Save brain' }).click();
  }
}
