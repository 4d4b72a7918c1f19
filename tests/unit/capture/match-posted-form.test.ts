// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchPostedForm } from '../../../lib/capture/match-posted-form';
import { sentBodyOf, type WebRequestBody } from '../../../lib/page/bridge/sent-body';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { mount } from './demo-dashboard';

/** The demo's Intern card (lib/demo/pages/settings-page.ts), as the user left it before pressing Save. */
const INTERN = `<form method="post" action="/acme/settings/intern">
  <input type="checkbox" name="enabled" checked>
  <input type="checkbox" name="canOpenTickets">
  <fieldset><legend>Review mode</legend>
    <input type="radio" name="reviewMode" value="always" checked><input type="radio" name="reviewMode" value="never">
  </fieldset>
  <input type="number" name="maxTicketsPerDay" value="25">
  <button>Save intern</button></form>`;

const CHOICES = `<form method="post">
  <select name="model"><option>small</option><option selected>large</option></select>
  <select name="tags" multiple><option selected>a</option><option>b</option><option selected>c</option></select>
  <input type="checkbox" name="days[]" value="mon" checked><input type="checkbox" name="days[]" value="tue">
  <input type="checkbox" name="days[]" value="wed" checked>
  <textarea name="prompt">line one
line two</textarea></form>`;

const SECRETS = `<form method="post" enctype="multipart/form-data">
  <input name="user" value="ops"><input type="password" name="apiKey" value="s3cret">
  <input type="file" name="logo"><input name="locked" value="kept" disabled><input id="unnamed" value="ui only">
  <input type="hidden" name="csrf" value="t0k"></form>`;

async function fieldsOf(html: string) {
  const container = mount(html, 'form');
  const draft = await buildDraft({
    pageUrl: 'https://dash.example.com/',
    trigger: { kind: 'form' },
    container,
  });
  return draft.section?.fields ?? [];
}

describe('matchPostedForm', () => {
  it.each<[string, string, WebRequestBody | undefined, boolean]>([
    [
      'the demo form as the browser posts it (unchecked boxes absent)',
      INTERN,
      { formData: { enabled: ['on'], reviewMode: ['always'], maxTicketsPerDay: ['25'] } },
      true,
    ],
    [
      'a number the post did not carry',
      INTERN,
      { formData: { enabled: ['on'], reviewMode: ['always'], maxTicketsPerDay: ['500'] } },
      false,
    ],
    [
      'a checked box the post left out',
      INTERN,
      { formData: { reviewMode: ['always'], maxTicketsPerDay: ['25'] } },
      false,
    ],
    [
      'another radio choice',
      INTERN,
      { formData: { enabled: ['on'], reviewMode: ['never'], maxTicketsPerDay: ['25'] } },
      false,
    ],
    [
      'a checkbox with a hidden companion of its name',
      INTERN,
      {
        formData: {
          enabled: ['0', 'on'],
          canOpenTickets: ['0'],
          reviewMode: ['always'],
          maxTicketsPerDay: ['25'],
        },
      },
      true,
    ],
    // SECURITY: a box read unchecked was accepted whatever was posted, so a page that checked it after the read
    // (sign-ups opened) had it recorded as unchecked; a box read checked, by its hidden companion's default alone.
    [
      'an unchecked box the post carries checked',
      INTERN,
      {
        formData: {
          enabled: ['on'],
          canOpenTickets: ['on'],
          reviewMode: ['always'],
          maxTicketsPerDay: ['25'],
        },
      },
      false,
    ],
    [
      'an unchecked box the post carries checked after its hidden companion',
      INTERN,
      {
        formData: {
          enabled: ['on'],
          canOpenTickets: ['0', 'on'],
          reviewMode: ['always'],
          maxTicketsPerDay: ['25'],
        },
      },
      false,
    ],
    [
      'a checked box the post carries only as its hidden companion',
      INTERN,
      { formData: { enabled: ['0'], reviewMode: ['always'], maxTicketsPerDay: ['25'] } },
      false,
    ],
    [
      'selects, a checkbox group and a textarea posted with CRLF',
      CHOICES,
      {
        formData: {
          model: ['large'],
          tags: ['a', 'c'],
          'days[]': ['mon', 'wed'],
          prompt: ['line one\r\nline two'],
        },
      },
      true,
    ],
    [
      'a multi-select missing a choice',
      CHOICES,
      {
        formData: {
          model: ['large'],
          tags: ['a'],
          'days[]': ['mon', 'wed'],
          prompt: ['line one\r\nline two'],
        },
      },
      false,
    ],
    [
      'a multipart post with a file, a password (digested in the page) and a token',
      SECRETS,
      { formData: { user: ['ops'], apiKey: ['s3cret'], logo: ['logo.png'], csrf: ['t0k'] } },
      true,
    ],
    [
      'another password than the page showed',
      SECRETS,
      { formData: { user: ['ops'], apiKey: ['other'], logo: ['logo.png'], csrf: ['t0k'] } },
      false,
    ],
    ['a post with no body', INTERN, undefined, false],
    ['a body the browser could not parse as a form', INTERN, { raw: [{ file: '/tmp/upload' }] }, false],
  ])('%s', async (_name, html, sent, expected) => {
    expect(await matchPostedForm(await fieldsOf(html), sentBodyOf(sent))).toBe(expected);
  });

  it('holds a value cut at the snapshot limit against the same cut of the posted value', async () => {
    const long = 'x'.repeat(100_010);
    const fields = await fieldsOf(`<form method="post"><textarea name="t">${long}</textarea></form>`);
    expect(await matchPostedForm(fields, sentBodyOf({ formData: { t: [long] } }))).toBe(true);
    expect(await matchPostedForm(fields, sentBodyOf({ formData: { t: [`y${long}`] } }))).toBe(false);
  });

  it('has nothing to hold against a form without named fields', async () => {
    const fields = await fieldsOf('<form method="post"><input id="q" value="x"></form>');
    expect(await matchPostedForm(fields, sentBodyOf(undefined))).toBe(true);
  });
});
