// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createCaptureAgent } from '../../../lib/page/capture-agent/create-capture-agent';
import { mount } from '../capture/demo-dashboard';

const PAGE = 'https://dash.example.com/acme/settings';
const ORIGIN = 'https://dash.example.com';

/** Submits one native form post on a fake page; returns the actions the agent reported. */
async function submit(formHtml: string, savePattern?: string, submitterSelector?: string): Promise<string[]> {
  const form = mount(formHtml, 'form');
  const win = {
    location: { href: PAGE, origin: ORIGIN },
    document,
    postMessage: vi.fn(),
  } as unknown as Window;
  const listeners = new Map<string, (event: Event) => void>();
  const posted: string[] = [];
  createCaptureAgent({
    win,
    config: { watched: true, workspace: 'acme', ...(savePattern ? { savePattern } : {}) },
    listen: (type, handler) => listeners.set(type, handler as (event: Event) => void),
    saved: () => undefined,
    formSubmitted: (_draft, action) => posted.push(action),
  }).start();
  const submitter = submitterSelector ? form.querySelector(submitterSelector) : null;
  listeners.get('submit')?.({
    target: form,
    submitter,
    defaultPrevented: false,
    isTrusted: true,
  } as unknown as Event);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return posted;
}

const form = (attributes: string, button = '<button>Save</button>') =>
  `<form method="post" ${attributes}><h2>Alerts</h2><label>Channel <input name="channel" value="#ops"></label>${button}</form>`;

describe('native form posts follow the same save rules as fetch saves', () => {
  it('reports a plain settings form post', async () => {
    expect(await submit(form(`action="${ORIGIN}/acme/settings/alerts"`))).toEqual([
      `${ORIGIN}/acme/settings/alerts`,
    ]);
  });

  it.each([
    ['an analytics endpoint', form(`action="${ORIGIN}/analytics/collect"`), undefined],
    ['a post into a hidden frame', form(`action="${ORIGIN}/acme/settings/alerts" target="sink"`), undefined],
    ['a post into a new window', form(`action="${ORIGIN}/acme/settings/alerts" target="_blank"`), undefined],
    ['another site', form(`action="https://tracker.example.net/acme/settings"`), undefined],
    ['a URL outside the save pattern', form(`action="${ORIGIN}/acme/search"`), '/acme/settings/*'],
  ])('ignores %s', async (_name, html, savePattern) => {
    expect(await submit(html, savePattern)).toEqual([]);
  });

  it('follows the submitter’s formtarget', async () => {
    const html = form(
      `action="${ORIGIN}/acme/settings/alerts"`,
      '<button id="b" formtarget="sink">Save</button>',
    );
    expect(await submit(html, undefined, '#b')).toEqual([]);
  });
});
