import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The extension's popup, opened as a page aimed at a dashboard tab (`?tabId=`), as the tests drive it. */
export class PopupPage {
  /** What the popup wrote to its console as warnings and errors: shown when it fails to render. */
  private readonly warnings: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (['warning', 'error'].includes(message.type())) this.warnings.push(message.text());
    });
    page.on('pageerror', (error) => this.warnings.push(String(error.stack ?? error)));
  }

  static async open(context: BrowserContext, extensionId: string, tabId?: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    const query = tabId === undefined ? '' : `?tabId=${tabId}`;
    await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
    const popup = new PopupPage(page);
    await popup.waitForReact();
    return popup;
  }

  /** Opens the popup again, as a user closing and reopening it would, and waits for the React popup. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForReact();
  }

  /**
   * Until the React popup takes over, the history may be the first screen, painted without React: it looks the
   * same but does nothing, and it leaves the page within one frame of the hand-over.
   */
  private async waitForReact(): Promise<void> {
    await this.page.locator('#first-screen').waitFor({ state: 'detached' });
    await expect(
      this.page.getByText('Savepoint could not show its popup'),
      `the popup failed to render: ${this.warnings.join('\n')}`,
    ).toHaveCount(0);
  }

  get status(): Locator {
    return this.page.getByRole('status').first();
  }

  get entries(): Locator {
    return this.page.getByRole('listitem');
  }

  async expectStatus(text: RegExp | string): Promise<void> {
    await expect(this.status).toContainText(text);
  }

  /**
   * Each filter above the history shows its text whole: a select its chosen option, the search field its
   * placeholder. Each is compared with a copy of it sized to its content (`field-sizing: content`).
   */
  async expectFiltersReadable(): Promise<void> {
    const cut = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLSelectElement | HTMLInputElement>('.filters select, .filters input')]
        .map((control) => {
          const sized = control.cloneNode(true) as HTMLSelectElement | HTMLInputElement;
          // A search field's text takes the room of its placeholder and of the clear button a search shows.
          sized.value = control instanceof HTMLInputElement ? control.placeholder : control.value;
          sized.style.cssText =
            'field-sizing: content; width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
          control.after(sized);
          const needs = sized.getBoundingClientRect().width;
          sized.remove();
          const text =
            control instanceof HTMLSelectElement
              ? (control.selectedOptions[0]?.text ?? '')
              : control.placeholder;
          const given = control.getBoundingClientRect().width;
          return needs > given + 0.5
            ? `${control.tagName.toLowerCase()} "${text}": ${Math.round(needs)} px needed, ${Math.round(given)} given`
            : null;
        })
        .filter((found) => found !== null),
    );
    expect(cut, 'filters whose text is cut off').toEqual([]);
  }

  /**
   * The filter `label` (a select) shows a choice too long for it as cut: its text ends with an ellipsis, and its
   * tooltip names the choice whole.
   */
  async expectFilterMarkedCut(label: string): Promise<void> {
    const select = this.page.locator('.filters').getByRole('combobox', { name: label, exact: true });
    const { chosen, needs, given, ellipsis, title } = await select.evaluate(choiceFit);
    expect(needs, `"${chosen}" is wider than its select (else this check checks nothing)`).toBeGreaterThan(
      given,
    );
    expect(ellipsis, `"${chosen}" ends with an ellipsis`).toBe(true);
    expect(title, `"${chosen}"'s tooltip`).toBe(chosen);
  }

  /**
   * Every select on screen shows its choice whole or, when the choice is too long for it, marks it cut: its text
   * ends with an ellipsis and its tooltip names the choice whole.
   */
  async expectSelectsReadable(): Promise<void> {
    const unreadable: string[] = [];
    for (const select of await this.page.locator('select:visible').all()) {
      const { chosen, needs, given, ellipsis, title } = await select.evaluate(choiceFit);
      if (needs > given + 0.5 && !(ellipsis && title === chosen))
        unreadable.push(
          `"${chosen}": ${Math.round(needs)} px needed, ${Math.round(given)} given, not marked cut`,
        );
    }
    expect(unreadable, 'selects whose choice is cut unmarked').toEqual([]);
  }

  /**
   * The element with the focus shows it: its focus ring is drawn, not cut away by a box around it that clips (the
   * history's scroller), on every side.
   */
  async expectFocusRingShown(): Promise<void> {
    const hidden = await this.page.evaluate(() => {
      const focused = document.activeElement;
      if (!(focused instanceof HTMLElement) || focused === document.body) return ['nothing has the focus'];
      const style = getComputedStyle(focused);
      const width = Number.parseFloat(style.outlineWidth);
      if (style.outlineStyle === 'none' || !(width > 0)) return ['no focus ring'];
      // The ring's outer edge on each side: outline-offset, then the outline's width, beyond the border box.
      const reach = Number.parseFloat(style.outlineOffset) + width;
      const ring = focused.getBoundingClientRect();
      const found: string[] = [];
      for (let box = focused.parentElement; box; box = box.parentElement) {
        const clips = getComputedStyle(box);
        if (
          clips.overflowX === 'visible' &&
          clips.overflowY === 'visible' &&
          !/strict|paint/.test(clips.contain)
        )
          continue;
        const edge = box.getBoundingClientRect();
        const sides = {
          left: ring.left - reach < edge.left - 0.5,
          right: ring.right + reach > edge.right + 0.5,
          top: ring.top - reach < edge.top - 0.5,
          bottom: ring.bottom + reach > edge.bottom + 0.5,
        };
        for (const [side, cut] of Object.entries(sides))
          if (cut) found.push(`the ring's ${side} is cut by .${box.className.split(' ').join('.')}`);
      }
      return found;
    });
    expect(hidden, 'focus ring').toEqual([]);
  }

  /**
   * No text in the popup is smaller than 11 px (its badges; the status and the entries are 12 to 13 px), whatever
   * the browser gives an extension page's body: Chromium gives it 75 % of its own font size.
   */
  async expectTextLegible(): Promise<void> {
    const small = await this.page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('[aria-hidden="true"], [role="img"]')) continue;
        if (parent.getClientRects().length === 0) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (size < 11) found.push(`"${text.slice(0, 40)}": ${size} px`);
      }
      return found;
    });
    expect(small, 'text smaller than 11 px').toEqual([]);
  }

  /**
   * The status's parts after its label and detail ("Last synced …", "1 waiting") each stay whole on one line, none
   * runs past the status text's box (into the workspace or the Retry button beside it), and no line of the status
   * starts with a "·". A part wider than a whole line would wrap; none is in the states tested.
   */
  async expectStatusPartsWhole(): Promise<void> {
    const broken = await this.page.evaluate(() => {
      const found: string[] = [];
      for (const part of document.querySelectorAll<HTMLElement>('[role="status"] .status-meta')) {
        const box = part.closest('.status-text')?.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(part);
        // One rect per text node: on one line they share their top.
        const rects = [...text.getClientRects()];
        const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
        const right = Math.max(...rects.map((rect) => rect.right));
        if (lines > 1) found.push(`"${part.textContent ?? ''}" on ${lines} lines`);
        if (box && right > box.right + 0.5)
          found.push(`"${part.textContent ?? ''}" runs ${right - box.right} px out`);
      }
      return found;
    });
    expect(broken, 'status parts broken across lines or running out').toEqual([]);
    expect(await this.page.evaluate(partProblems, '[role="status"]'), 'status lines').toEqual([]);
  }

  /**
   * What each backup in the history says of itself shows whole: its details and where it stands with Convex
   * ("Waiting to sync", "Not synced: …") are never cut off; each of its details ("first backup", "1.0 KB", "key
   * Local admin") stays on one line when it fits on one, and no line starts with a "·". Its label and its note, each
   * on a line of its own, show whole or end with an ellipsis and name themselves whole in their tooltip.
   */
  async expectEntriesReadable(): Promise<void> {
    const cut = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="listitem"] :is(.entry-meta, .entry-outbox)')]
        .filter((line) => line.scrollWidth > line.clientWidth + 0.5)
        .map(
          (line) => `"${line.textContent ?? ''}": ${line.scrollWidth} px needed, ${line.clientWidth} given`,
        ),
    );
    expect(cut, 'entry text that is cut off').toEqual([]);
    expect(await this.page.evaluate(partProblems, '[role="listitem"] .entry-meta'), 'entry details').toEqual(
      [],
    );
    const unnamed = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="listitem"] .entry-label')]
        .filter((line) => line.scrollWidth > line.clientWidth + 0.5)
        .filter(
          (line) => getComputedStyle(line).textOverflow !== 'ellipsis' || line.title !== line.textContent,
        )
        .map((line) => `"${line.textContent ?? ''}" cut, its tooltip "${line.title}"`),
    );
    expect(unnamed, 'labels and notes cut without saying what they are').toEqual([]);
  }

  /**
   * The save request a restore by request sends (`restore-request` in the preview, `report-request` in the report),
   * or the one "Not a save" stops capturing (`not-a-save-question`), shows whole, however long its address: it is
   * what the user checks before approving.
   */
  async expectRequestWhole(
    testId: 'restore-request' | 'report-request' | 'not-a-save-question',
  ): Promise<void> {
    const line = this.page.getByTestId(testId);
    await expect(line).toBeVisible();
    const overflow = await line.evaluate((paragraph) => {
      const box = paragraph.getBoundingClientRect();
      const code = paragraph.querySelector('code')?.getBoundingClientRect();
      return {
        scrolls: paragraph.scrollWidth - paragraph.clientWidth,
        past: code ? code.right - box.right : 0,
        scroller: paragraph.closest('.panel, .flow, .history-scroll')?.scrollWidth ?? 0,
        width: paragraph.closest('.panel, .flow, .history-scroll')?.clientWidth ?? 0,
      };
    });
    expect(overflow.scrolls, `${testId}: wider than its line`).toBeLessThanOrEqual(0.5);
    expect(overflow.past, `${testId}: the address runs past the line's right edge`).toBeLessThanOrEqual(0.5);
    expect(overflow.scroller - overflow.width, `${testId}: its panel scrolls sideways`).toBeLessThanOrEqual(
      0.5,
    );
  }

  /** Every input's placeholder (an example of what to type) shows whole in its box. */
  async expectPlaceholdersWhole(): Promise<void> {
    const cut = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[placeholder]')]
        .filter((input) => input.getClientRects().length > 0)
        .flatMap((input) => {
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d');
          if (!context) return [];
          context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const needed = context.measureText(input.placeholder).width;
          const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return needed > room
            ? [`"${input.placeholder}": ${needed.toFixed(1)} px needed, ${room} given`]
            : [];
        }),
    );
    expect(cut, 'placeholders cut off').toEqual([]);
  }

  /** Opens the restore preview of the n-th backup in the list (0 = newest). */
  async previewRestore(index: number): Promise<void> {
    await this.entries.nth(index).getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(this.page.getByRole('button', { name: /^Restore \d+ fields?$/ })).toBeVisible();
  }

  /** Applies the open restore preview and waits for the report. */
  async applyRestore(): Promise<void> {
    await this.page.getByRole('button', { name: /^Restore \d+ fields?$/ }).click();
    await expect(this.page.getByText('Restore report')).toBeVisible({ timeout: 30_000 });
  }

  /** A row of the restore preview or report, by the field's label. */
  row(label: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`^${label}\\b`) });
  }

  /** The tools menu's button (Capture now, Export, Import are in the menu). */
  get toolsButton(): Locator {
    return this.page.getByRole('button', { name: 'Tools', exact: true });
  }

  /** Opens the tools menu, unless it is open already. */
  async openTools(): Promise<void> {
    if ((await this.toolsButton.getAttribute('aria-expanded')) !== 'true') await this.toolsButton.click();
    // Its content loads on demand: wait for it, not only for the panel.
    await expect(this.page.getByRole('button', { name: 'Capture now' })).toBeVisible();
  }

  /**
   * axe finds no violation in the popup as it is now, in the light and in the dark colour scheme (the popup
   * follows the system's); with a `name`, the dark one is also saved as a screenshot `<name>-dark`.
   */
  async expectAccessible(name?: string): Promise<void> {
    // axe reads the page over several tasks: a hand-over in the middle of its run leaves it neither screen.
    await this.waitForReact();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        await this.page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page: this.page }).analyze();
        expect(violations, `axe in the ${colorScheme} scheme`).toEqual([]);
        if (name && colorScheme === 'dark') await this.screenshot(`${name}-dark`);
      }
    } finally {
      await this.page.emulateMedia({ colorScheme: 'light' });
    }
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/**
 * In the page: what is wrong with the rows of short parts (separated by "·") in the elements `selector` finds: a
 * line that starts or ends with a "·" the user can see, or, in an entry's details (a row whose every part is
 * short), a part broken across lines although it is narrower than the row. A "·" outside a box that clips it is not
 * seen.
 */
function partProblems(selector: string): string[] {
  const problems: string[] = [];
  const seen = (rect: DOMRect, node: Node): boolean => {
    if (rect.width <= 1 || rect.height === 0) return false;
    for (let box = node.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const { left, right } = box.getBoundingClientRect();
      if (rect.right <= left + 0.5 || rect.left >= right - 0.5) return false;
    }
    return true;
  };
  /** The rects the user sees of a node's text from `start` to `end`, its spaces at either end left out. */
  const rectsOf = (node: Text, start: number, end: number): DOMRect[] => {
    while (start < end && /\s/.test(node.data[start] ?? '')) start += 1;
    while (end > start && /\s/.test(node.data[end - 1] ?? '')) end -= 1;
    if (start === end) return [];
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((rect) => seen(rect, node));
  };
  for (const row of document.querySelectorAll<HTMLElement>(selector)) {
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const textRects = (node: Text) => rectsOf(node, 0, node.data.length);
    // The row's text cut at each "·": each part's text and the rects it covers.
    const parts: { text: string; rects: DOMRect[] }[] = [{ text: '', rects: [] }];
    for (const [index, node] of nodes.entries()) {
      let from = 0;
      for (let at = node.data.indexOf('·'); at !== -1; at = node.data.indexOf('·', at + 1)) {
        parts.at(-1)!.text += node.data.slice(from, at);
        parts.at(-1)!.rects.push(...rectsOf(node, from, at));
        parts.push({ text: '', rects: [] });
        from = at + 1;
        const [dot] = rectsOf(node, at, at + 1);
        if (!dot) continue;
        const onItsLine = (rect: DOMRect) => Math.abs(rect.top - dot.top) < 3;
        const before = [...rectsOf(node, 0, at), ...nodes.slice(0, index).flatMap(textRects)];
        const after = [
          ...rectsOf(node, at + 1, node.data.length),
          ...nodes.slice(index + 1).flatMap(textRects),
        ];
        const next = [node.data.slice(at + 1), ...nodes.slice(index + 1).map((later) => later.data)]
          .join('')
          .slice(0, 30)
          .trim();
        if (!before.some((rect) => onItsLine(rect) && rect.right <= dot.left + 0.5))
          problems.push(`a line starts with "·" (before "${next}")`);
        if (!after.some((rect) => onItsLine(rect) && rect.left >= dot.right - 0.5))
          problems.push(`a line ends with "·" (before "${next}")`);
      }
      parts.at(-1)!.text += node.data.slice(from);
      parts.at(-1)!.rects.push(...rectsOf(node, from, node.data.length));
    }
    if (!row.matches('.entry-meta')) continue;
    for (const { text, rects } of parts) {
      const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
      const width = rects.reduce((sum, rect) => sum + rect.width, 0);
      if (lines > 1 && width < row.clientWidth)
        problems.push(`"${text.trim()}" broken across ${lines} lines`);
    }
  }
  return problems;
}

/**
 * In the page: a select's chosen text, the width it needs to show it whole (a copy sized to its content,
 * `field-sizing: content`) and the width it has, and whether it marks a cut (an ellipsis, its tooltip).
 */
function choiceFit(control: HTMLSelectElement) {
  const sized = control.cloneNode(true) as HTMLSelectElement;
  sized.value = control.value;
  sized.style.cssText =
    'field-sizing: content; width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
  control.after(sized);
  const needs = sized.getBoundingClientRect().width;
  sized.remove();
  return {
    chosen: control.selectedOptions[0]?.text ?? '',
    needs,
    given: control.getBoundingClientRect().width,
    ellipsis: getComputedStyle(control).textOverflow === 'ellipsis',
    title: control.title,
  };
}
