// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatPath, getAtPath, parsePath, resolveKey, setAtPath } from '../../../lib/capture/body-path';
import { bodyEntries } from '../../../lib/capture/body-to-fields';
import { fallbackTitle, titleFromSubmitter } from '../../../lib/capture/fallback-title';
import { sectionTitle } from '../../../lib/capture/section-title';
import { endpointType, sectionType } from '../../../lib/capture/section-type';
import { findSectionFor } from '../../../lib/page/restore-agent/apply-snapshot';
import { diffSnapshots } from '../../../lib/diff/diff-snapshots';
import { capture } from '../support/capture-path';
import { mount } from './demo-dashboard';

const PAGE = 'http://127.0.0.1:1880/';
/** What Node-RED's editor sends when its settings tray closes (POST /settings/user). */
const nodeRedBody = (gridSize: string, showGrid: boolean) => ({
  editor: {
    view: {
      'view-grid-size': gridSize,
      'view-show-grid': showGrid,
      'view-snap-grid': true,
      'view-node-status': true,
      'view-show-tips': true,
    },
  },
  telemetryEnabled: false,
});

describe('body paths', () => {
  it.each([
    [['editor', 'view', 'view-grid-size'], 'editor.view.view-grid-size'],
    [['rules', 0, 'name'], 'rules[0].name'],
    [[0, 'a'], '[0].a'],
    [['a.b', 'c[1]', 'd\\e'], 'a\\.b.c\\[1\\].d\\\\e'],
  ])('%j ⇄ %s', (segments, key) => {
    expect(formatPath(segments)).toBe(key);
    expect(parsePath(key)).toEqual(segments);
  });

  it('reads and writes a place without touching the original', () => {
    const body = { a: { b: [1, { c: 2 }] } };
    expect(getAtPath(body, ['a', 'b', 1, 'c'])).toBe(2);
    const changed = setAtPath(body, ['a', 'b', 1, 'c'], 3);
    expect(getAtPath(changed, ['a', 'b', 1, 'c'])).toBe(3);
    expect(body.a.b[1]).toEqual({ c: 2 });
    expect(setAtPath({}, ['x', 'y'], 1)).toEqual({ x: { y: 1 } });
  });

  it('finds a form name with brackets as one member', () => {
    expect(resolveKey({ 'config[title]': 'Wiki' }, 'config[title]')).toEqual(['config[title]']);
    expect(resolveKey({ a: { b: 1 } }, 'a.b')).toEqual(['a', 'b']);
    expect(resolveKey({ a: 1 }, 'b')).toBeNull();
  });

  it('never follows an inherited member', () => {
    expect(getAtPath({}, ['constructor'])).toBeUndefined();
    expect(getAtPath({ a: {} }, ['a', '__proto__'])).toBeUndefined();
  });
});

describe('the fields of a saved body', () => {
  it('turns every value of any depth into one entry; lists of scalars stay one entry', () => {
    expect(
      bodyEntries({ a: { b: 1, c: [1, 2], d: [{ e: 'x' }] }, f: null, g: {} }).map((e) => [e.key, e.value]),
    ).toEqual([
      ['a.b', 1],
      ['a.c', [1, 2]],
      ['a.d[0].e', 'x'],
      ['f', null],
    ]);
  });

  it('reads a form-encoded string body as its names', () => {
    expect(bodyEntries('config%5Btitle%5D=Wiki&tags=a&tags=b').map((e) => [e.key, e.value])).toEqual([
      ['config[title]', 'Wiki'],
      ['tags', ['a', 'b']],
    ]);
  });

  it('counts only what the dashboard changed between two nested saves (Node-RED)', async () => {
    const save = async (gridSize: string, showGrid: boolean) =>
      (
        await capture(
          {
            pageUrl: PAGE,
            trigger: { kind: 'xhr', submitter: { label: 'Close', inputType: 'button' } },
            request: {
              method: 'POST',
              url: 'settings/user',
              bodyKind: 'json',
              body: nodeRedBody(gridSize, showGrid),
            },
          },
          { salt: 's' },
        )
      ).snapshot;
    const before = await save('20', true);
    const after = await save('40', false);
    expect(before.fields.map((f) => f.key)).toContain('editor.view.view-grid-size');
    expect(before.fields.find((f) => f.key === 'editor.view.view-grid-size')).toMatchObject({
      label: 'View grid size',
      value: '20',
    });
    const changed = diffSnapshots(before, after).filter((c) => c.kind !== 'unchanged');
    expect(changed.map((c) => c.key)).toEqual(['editor.view.view-grid-size', 'editor.view.view-show-grid']);
    expect(after.type).toBe('settings-user');
    expect(after.title).toBe('Settings › User');
  });

  it('labels a body value with the page field that shows it, and restores through that field', async () => {
    const tray = mount(
      `<div class="red-ui-tray"><div class="red-ui-tray-titlebar">User Settings<button>Close</button></div>
        <form><label for="user-settings-view-grid-size">Grid size</label>
        <input id="user-settings-view-grid-size" value="40">
        <label><input type="checkbox" id="user-settings-view-show-grid">Show grid</label>
        <input id="search" value="flows"></form></div>`,
      'form',
    );
    const { snapshot } = await capture(
      {
        container: tray,
        pageUrl: PAGE,
        trigger: { kind: 'xhr' },
        request: { method: 'POST', url: 'settings/user', bodyKind: 'json', body: nodeRedBody('40', false) },
      },
      { salt: 's' },
    );
    expect(snapshot.title).toBe('User Settings');
    const grid = snapshot.fields.find((f) => f.key === 'editor.view.view-grid-size');
    expect(grid).toMatchObject({ label: 'Grid size', value: '40' });
    expect(grid?.locator.id).toBe('user-settings-view-grid-size');
    expect(snapshot.fields.find((f) => f.key === 'editor.view.view-show-grid')).toMatchObject({
      label: 'Show grid',
      value: false,
    });
    // The page's other inputs are not part of what the dashboard saved.
    expect(snapshot.fields.map((f) => f.key)).not.toContain('search');
  });

  it("gives a page field to the value it shows, not to an earlier one its name fits too (Syncthing's whole config)", async () => {
    const dialog = mount(
      `<form><h3>Settings</h3><label for="MaxRecvKbps">Incoming Rate Limit (KiB/s)</label>
        <input id="MaxRecvKbps" type="number" value="100"></form>`,
      'form',
    );
    const body = {
      devices: [{ deviceID: 'AAAA', name: 'Laptop', maxRecvKbps: 0, $$hashKey: 'object:566' }],
      options: { maxRecvKbps: 100 },
    };
    const { snapshot } = await capture(
      {
        container: dialog,
        pageUrl: PAGE,
        trigger: { kind: 'xhr' },
        request: { method: 'PUT', url: '/rest/config', bodyKind: 'json', body },
      },
      { salt: 's' },
    );
    const labels = Object.fromEntries(snapshot.fields.map((f) => [f.key, f.label]));
    expect(labels['options.maxRecvKbps']).toBe('Incoming Rate Limit (KiB/s)');
    expect(labels['devices[0].maxRecvKbps']).not.toBe('Incoming Rate Limit (KiB/s)');
  });

  it('a secret a page field showed compares unchanged with a read of the dashboard that holds the same one', async () => {
    const dialog = mount(
      `<form><h3>Settings</h3><label for="Password">GUI Authentication Password</label>
        <input id="Password" type="password" value="$2a$10$hash"></form>`,
      'form',
    );
    const body = { gui: { user: 'admin', password: '$2a$10$hash' } };
    const request = { method: 'PUT', url: '/rest/config', bodyKind: 'json', body };
    const saved = (
      await capture({ container: dialog, pageUrl: PAGE, trigger: { kind: 'xhr' }, request }, { salt: 's' })
    ).snapshot;
    // A read of the dashboard (restore-by-request.ts, `serverSection`): the same body, no page.
    const read = (await capture({ pageUrl: PAGE, trigger: { kind: 'restore' }, request }, { salt: 's' }))
      .snapshot;
    expect(saved.fields.find((f) => f.key === 'gui.password')).toMatchObject({
      label: 'GUI Authentication Password',
      value: null,
    });
    const password = diffSnapshots(read, saved, { secretsComparable: true }).find(
      (change) => change.key === 'gui.password',
    );
    expect(password?.secret).toBe('unchanged');
  });

  it("leaves out AngularJS's own members ($$hashKey, new on every load): they are no setting", async () => {
    const body = (hashKey: string) => ({
      devices: [{ name: 'Laptop', $$hashKey: hashKey }],
      options: { a: 1 },
    });
    const save = async (hashKey: string) =>
      (
        await capture(
          {
            pageUrl: PAGE,
            trigger: { kind: 'xhr' },
            request: { method: 'PUT', url: '/rest/config', bodyKind: 'json', body: body(hashKey) },
          },
          { salt: 's' },
        )
      ).snapshot;
    const [first, second] = [await save('object:566'), await save('object:1035')];
    expect(first.fields.map((f) => f.key)).toEqual(['devices[0].name', 'options.a']);
    expect(diffSnapshots(first, second).filter((change) => change.kind !== 'unchanged')).toEqual([]);
  });
});

describe("a dialog whose forms sit in an accordion of titled panels (Syncthing's Advanced Configuration)", () => {
  const panel = (id: string, title: string) => `<div class="panel panel-default">
      <div id="${id}Heading" class="panel-heading" role="tab"><h4 class="panel-title">${title}</h4></div>
      <div id="${id}Config" class="panel-collapse collapse" role="tabpanel" aria-labelledby="${id}Heading">
        <form class="form-horizontal"><label for="${id}Input0">Max Recv Kbps</label><input id="${id}Input0"></form>
      </div></div>`;
  const html = `<div id="advanced" class="modal fade in"><div class="modal-dialog"><div class="modal-content">
      <div class="modal-header"><button class="close">×</button><h4 class="modal-title">Advanced Configuration</h4></div>
      <div class="modal-body"><div id="advancedAccordion" class="panel-group" role="tablist">
        ${panel('gui', 'GUI')}${panel('options', 'Options')}${panel('ldap', 'LDAP')}
      </div></div>
      <div class="modal-footer"><button class="btn btn-primary">Save</button></div>
    </div></div></div>`;

  it('is titled by the dialog, not by the first of its panels', () => {
    expect(sectionTitle(mount(html, '#advancedAccordion'))).toBe('Advanced Configuration');
    expect(sectionTitle(mount(html, '.modal-body'))).toBe('Advanced Configuration');
  });

  it('one panel of it is still titled by its own heading', () => {
    expect(sectionTitle(mount(html, '#optionsConfig'))).toBe('Options');
  });
});

describe('section names', () => {
  it.each([
    ['/settings/user', 'settings-user'],
    ['/api/v1/bots/8f3a2c1e9b7d4e6f/webhook', 'bots-webhook'],
    ['/', ''],
  ])('endpoint %s → type %s', (url, type) => expect(endpointType(url)).toBe(type));

  it.each([
    ['Save bot names', 'Bot names'],
    ['Save', ''],
    ['Save changes', ''],
    ['Close', ''],
    ['Apply: Alert rules', 'Alert rules'],
  ])('button %s → title %s', (label, title) =>
    expect(titleFromSubmitter({ label, inputType: 'button' })).toBe(title),
  );

  it('never titles a section "Section" or ""', () => {
    expect(fallbackTitle({ pageUrl: 'http://127.0.0.1:8080/', requestUrl: '/' })).toBe('Settings');
    expect(fallbackTitle({ pageUrl: 'http://h/admin/general' })).toBe('General');
  });
});

describe('a section saved to an endpoint that names no section', () => {
  it('takes its type from the form on the page before the endpoint path (demo app settings)', async () => {
    const form = mount(
      '<form name="team-preferences"><h2>Team preferences</h2><input name="teamName"></form>',
      'form',
    );
    const { snapshot } = await capture(
      {
        container: form,
        pageUrl: 'http://127.0.0.1:4410/acme/app-settings',
        trigger: { kind: 'fetch' },
        request: {
          method: 'PUT',
          url: '/api/workspaces/acme/settings/app',
          bodyKind: 'json',
          body: { teamName: 'x' },
        },
      },
      { salt: 's' },
    );
    expect(snapshot.type).toBe('team-preferences');
  });

  it('leaves a workspace slug out of the endpoint name', () => {
    expect(endpointType('/api/workspaces/acme/settings/app')).toBe('workspaces-settings-app');
  });
});

describe('a form posted to a front script (DokuWiki)', () => {
  const WIKI = `<div><h1>Configuration Settings</h1>
    <form id="dw__configform" action="/doku.php" method="post">
      <input type="hidden" name="do" value="admin"><input type="hidden" name="page" value="config">
      <h1>DokuWiki</h1><fieldset><legend>Basic</legend>
        <label for="config___title">Wiki title</label><input id="config___title" name="config[title]" value="Wiki"></fieldset>
      <h1>Plugins</h1><fieldset><legend>Auth</legend><input name="config[plugin____x]" value="1"></fieldset>
      <button type="submit" name="submit">Save</button></form>
    <form id="dw__search" action="/doku.php"><input type="hidden" name="do" value="search"><input name="q"></form></div>`;

  it('is named by its hidden page name and titled by the heading before it, not by its first group', () => {
    mount(WIKI, 'form');
    const config = document.getElementById('dw__configform') as Element;
    expect(sectionType(config)).toBe('config');
    expect(sectionTitle(config)).toBe('Configuration Settings');
    expect(sectionType(document.getElementById('dw__search') as Element)).toBe('search');
  });

  it('is found again for a restore among forms of the same type by the fields it holds', () => {
    mount(
      `<form action="/doku.php"><h2>Search</h2><input name="q"></form>
       <form action="/doku.php"><h2>Settings</h2><input name="config[title]" value="x"></form>`,
      'form',
    );
    const snapshot = {
      type: 'doku',
      title: 'Settings',
      pageUrl: 'http://wiki/doku.php',
      fields: [
        {
          key: 'config[title]',
          label: 'Title',
          value: 'y',
          locator: { name: 'config[title]', inputType: 'text' },
        },
      ],
      trigger: { kind: 'form' as const },
      leftOut: [],
    };
    expect(findSectionFor(document, snapshot)?.querySelector('h2')?.textContent).toBe('Settings');
  });
});

describe('a form titled by the page heading above its wrapper (DokuWiki’s Configuration Manager)', () => {
  it('takes the heading before the wrapper', () => {
    mount(
      `<div class="page"><h1>Configuration Manager</h1><p>Use this page to control the settings.</p>
        <div id="config__manager"><form id="dw__configform" action="/doku.php">
          <h1>DokuWiki</h1><fieldset><legend>Basic</legend><input name="config[title]"></fieldset>
          <h1>Plugins</h1><fieldset><legend>Auth</legend><input name="config[x]"></fieldset></form></div></div>`,
      'form',
    );
    expect(sectionTitle(document.getElementById('dw__configform') as Element)).toBe('Configuration Manager');
  });
});
