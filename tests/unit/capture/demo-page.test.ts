// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderSettingsPage } from '../../../demo/pages/settings-page';
import { findSection, sectionTitle, sectionType } from '../../../lib/page/dom/find-section';
import { readFields } from '../../../lib/page/dom/read-fields';
import { capture } from '../support/capture-path';

type Settings = Parameters<typeof renderSettingsPage>[1];

const SETTINGS = {
  'bot-names': { primaryName: 'Ada', fallbackName: 'Bob', greetingStyle: 'friendly' },
  intern: {
    enabled: true,
    canOpenTickets: true,
    canCloseTickets: false,
    reviewMode: 'always',
    maxTicketsPerDay: 5,
  },
  brain: { temperature: 0.7, systemPrompt: 'Be kind and brief.', apiKey: 'sk-live-key' },
} as unknown as Settings;

/** Renders the real demo page into the document body, without its stylesheet and script (no loading in tests). */
function mountDemoPage(): void {
  const html = renderSettingsPage('acme', SETTINGS, {}).replace(/<script[\s\S]*?<\/script>/gi, '');
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
}

describe('capture on the real demo settings page', () => {
  it.each([
    ['#bot-names-save', 'Bot names', 'bot-names', ['primaryName', 'fallbackName', 'greetingStyle']],
    [
      '#intern-save',
      'Intern',
      'intern',
      ['enabled', 'canOpenTickets', 'canCloseTickets', 'reviewMode', 'maxTicketsPerDay'],
    ],
    ['#brain-save', 'Brain', 'brain', ['model', 'temperature', 'systemPrompt', 'apiKey']],
  ])('the %s button saves the %s section (%s)', (button, title, type, keys) => {
    mountDemoPage();
    const section = findSection(document.querySelector(button)!);
    expect(sectionTitle(section)).toBe(title);
    expect(sectionType(section)).toBe(type);
    expect(readFields(section).map((f) => f.key)).toEqual(keys);
  });

  it('finds the same section from each field as from its Save button', () => {
    mountDemoPage();
    for (const field of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const fromButton = findSection(field.closest('section')!.querySelector('button')!);
      expect(findSection(field)).toBe(fromButton);
    }
  });

  it('leaves the API key out of the Brain snapshot, and out of the draft the page sends', async () => {
    mountDemoPage();
    // The page renders the key blank; a user typing a new one is what must not leave the page.
    (document.querySelector('input[name=apiKey]') as HTMLInputElement).value = 'sk-live-key';
    const { draft, snapshot } = await capture(
      {
        container: findSection(document.querySelector('#brain-save')!),
        pageUrl: 'http://127.0.0.1/acme/settings',
        trigger: { kind: 'fetch' },
      },
      { salt: 's' },
    );
    expect(JSON.stringify(draft)).not.toContain('sk-live-key');
    expect(JSON.stringify(snapshot)).not.toContain('sk-live-key');
    expect(snapshot.fields.find((f) => f.key === 'apiKey')).toMatchObject({
      value: null,
      secret: { reason: 'input-type:password' },
    });
    expect(snapshot.fields.filter((f) => f.secret).map((f) => f.key)).toEqual(['apiKey']);
  });
});
