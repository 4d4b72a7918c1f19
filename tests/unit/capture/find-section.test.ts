// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findSection, sectionTitle, sectionType } from '../../../lib/page/dom/find-section';
import { DEMO_DASHBOARD, mount } from './demo-dashboard';

describe('findSection on the demo dashboard', () => {
  it.each([
    ['#save-bot-names', 'SECTION', 'Bot names'],
    ['[name=primaryName]', 'SECTION', 'Bot names'],
    ['[name=greetingStyle]', 'SECTION', 'Bot names'],
    ['[value=never]', 'FORM', 'Intern'],
    ['[name=maxTicketsPerDay]', 'FORM', 'Intern'],
    ['#brain-form button', 'FORM', 'Brain'],
    ['#apiKey', 'FORM', 'Brain'],
  ])('%s belongs to the %s titled %s', (selector, tag, title) => {
    const container = findSection(mount(DEMO_DASHBOARD, selector));
    expect(container.tagName).toBe(tag);
    expect(sectionTitle(container)).toBe(title);
  });

  it('gives each of the three sections its own type', () => {
    mount(DEMO_DASHBOARD);
    const types = ['#save-bot-names', '[name=enabled]', '#apiKey'].map((s) =>
      sectionType(findSection(document.querySelector(s)!)),
    );
    expect(types).toEqual(['bot-names', 'intern', 'brain']);
  });
});

describe('findSection on unseen layouts', () => {
  it.each([
    [
      'a headed div inside a page-wide region',
      '<main role="region"><div id="a"><h3>A</h3><input id="x"><button>Save</button></div><div><h3>B</h3><input></div></main>',
      '#x',
      'a',
    ],
    [
      'a fieldset outside any form',
      '<fieldset id="a"><legend>Alerts</legend><input id="x"></fieldset>',
      '#x',
      'a',
    ],
    ['a role=form block', '<div role="form" id="a" aria-label="Billing"><input id="x"></div>', '#x', 'a'],
    ['an article', '<article id="a"><input id="x"></article>', '#x', 'a'],
    [
      'a radio-group fieldset inside a section with the Save button',
      '<section id="a"><h2>Mode</h2><fieldset><legend>Review</legend><input type="radio" id="x"></fieldset><button>Save</button></section>',
      '#x',
      'a',
    ],
    [
      'a Save button inside a role=group toolbar',
      '<section id="a"><h2>Names</h2><input><div role="group"><button id="x">Save</button></div></section>',
      '#x',
      'a',
    ],
    [
      'a control joined to a form by form=',
      '<form id="a"><h2>Prefs</h2></form><div><input id="x" form="a"></div>',
      '#x',
      'a',
    ],
  ])('%s', (_name, html, selector, expectedId) => {
    expect(findSection(mount(html, selector)).id).toBe(expectedId);
  });

  it('falls back to the body when nothing groups the control', () => {
    expect(findSection(mount('<div><div><input id="x"></div></div>', '#x'))).toBe(document.body);
  });
});

describe('sectionTitle', () => {
  it.each([
    ['<form id="s"><h3> Team\n  roles </h3><input></form>', 'Team roles'],
    ['<fieldset id="s"><legend>Alerts</legend><input></fieldset>', 'Alerts'],
    ['<div id="s" role="region" aria-label="Billing"><input></div>', 'Billing'],
    ['<span id="t">Webhooks</span><div id="s" role="region" aria-labelledby="t"><input></div>', 'Webhooks'],
    ['<form id="s" name="notifications"><input></form>', 'notifications'],
    ['<h2>Profile</h2><form id="s"><input></form>', 'Profile'],
    ['<form id="s"><input></form>', ''],
  ])('%s → %j', (html, title) => {
    expect(sectionTitle(mount(html, '#s'))).toBe(title);
  });
});

describe('sectionType', () => {
  it.each([
    ['/api/workspaces/acme/settings/bot-names', 'bot-names'],
    ['https://app.example.com/api/workspaces/acme/settings/brain', 'brain'],
    ['/acme/settings/intern', 'intern'],
    ['/api/v2/settings/notifications/items/42', 'notifications'],
    ['/api/settings/bot-names/3f2b1c4e-8a9d-4e6f-b1a2-c3d4e5f60718', 'bot-names'],
    ['/api/teams/t_01HZX8K4Q2J9/webhooks/save', 'webhooks'],
    ['/settings/billing.json?x=1', 'billing'],
    ['/api/projects/42/notification-settings', 'notification'],
    ['/api/users/me/profileSettings', 'profile'],
  ])('request %s → %s', (url, type) => {
    expect(sectionType(mount('<form id="s"><h2>Whatever</h2><input></form>', '#s'), url)).toBe(type);
  });

  it.each([
    ['<form id="s" name="intern"><input></form>', 'intern'],
    ['<form id="s" action="/acme/settings/intern"><h2>Trainee</h2><input></form>', 'intern'],
    ['<section id="s"><h2>Intern</h2><input></section>', 'intern'],
    ['<form id="brainSettingsForm"><h2>AI</h2><input></form>', 'brain'],
    ['<form id=":r1:"><h2>Intern</h2><input></form>', 'intern'],
    ['<form id="form-2"><h2>Intern</h2><input></form>', 'intern'],
    ['<div id="s" role="region"><h2>Réglages avancés</h2><input></div>', 'reglages-avances'],
  ])('container %s → %s', (html, type) => {
    expect(sectionType(mount(html, 'form, [id]'))).toBe(type);
  });

  it('falls back to the title when the URL names no section, so a form post and a fetch agree', () => {
    const container = mount('<div class="card"><h2>Intern</h2><input></div>', '.card');
    expect(sectionType(container, '/api/settings')).toBe('intern');
    expect(sectionType(container, '/graphql')).toBe('intern');
    expect(sectionType(mount('<form action="/acme/settings/intern"><input></form>', 'form'))).toBe('intern');
  });

  it('is always a non-empty slug of at most 200 characters', () => {
    const cjk = mount('<div class="card"><h2>设置</h2><input></div>', '.card');
    expect(sectionType(cjk)).toMatch(/^section-[0-9a-f]{8}$/);
    expect(sectionType(mount('<div class="card"><input></div>', '.card'))).toBe('section');
    const long = mount(`<div class="card"><h2>${'Very long title '.repeat(40)}</h2><input></div>`, '.card');
    expect(sectionType(long).length).toBeLessThanOrEqual(200);
    expect(sectionType(long)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
