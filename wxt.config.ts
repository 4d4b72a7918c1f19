import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { deferPopupTags } from './lib/popup/defer-popup-tags';

// Hosts the headless test build is granted at install (a permission prompt cannot be answered there).
const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
// Any dashboard the user chooses to watch: asked for one origin at a time, from a click.
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
// A test build without `unlimitedStorage`, so the storage-full fault test can give it a real quota (Chromium
// ignores quota overrides for extensions that hold that permission). Otherwise the same test build.
const LIMITED_STORAGE = process.env.SAVEPOINT_LIMITED_STORAGE === '1';

// The benchmark's comparison build: the same code on Preact's React compatibility layer instead of React.
const PREACT = process.env.SAVEPOINT_POPUP_STACK === 'preact';
const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react(-dom)?$/, replacement: 'preact/compat' },
];

// In a build, popup.html's module script (the React popup) is started by the first screen's script once that is
// on screen, rather than fetched alongside it (lib/popup/defer-popup-tags.ts). `wxt dev` (command `serve`, whose
// popup.html loads Vite's client and the module from the dev server) keeps its module scripts.
const deferPopupModule = (): Plugin => ({
  name: 'savepoint:defer-popup-module',
  transformIndexHtml: {
    order: 'post',
    handler: (html, { filename }) =>
      filename.endsWith('/entrypoints/popup/index.html') ? deferPopupTags(html) : html,
  },
});

export default defineConfig({
  ...(PREACT ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-preact' } : {}),
  vite: ({ command }) => ({
    plugins: command === 'build' ? [deferPopupModule()] : [],
    ...(PREACT ? { resolve: { alias: PREACT_ALIASES } } : {}),
  }),
  ...(LIMITED_STORAGE ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-test-limited-storage' } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, mode, manifestVersion }) => {
    const test = mode === 'test';
    return {
      name: 'Savepoint',
      description:
        "Backs up a web dashboard's settings every time you save them, and puts them back in one click.",
      permissions: [
        'storage',
        ...(test && LIMITED_STORAGE ? [] : ['unlimitedStorage']),
        'scripting',
        'alarms',
        'webRequest',
        // No `tabs`: a tab's URL is read only where Savepoint has the host (watched dashboards) or `activeTab`
        // (the popup opened and the shortcut pressed on that tab).
        'activeTab',
      ],
      host_permissions: test ? TEST_HOSTS : [],
      ...(manifestVersion === 3
        ? { optional_host_permissions: OPTIONAL_HOSTS }
        : { optional_permissions: OPTIONAL_HOSTS }),
      action: { default_title: 'Savepoint' },
      commands: {
        'capture-now': {
          suggested_key: { default: 'Alt+Shift+S' },
          description: 'Capture the settings of this dashboard page now',
        },
      },
      storage: { managed_schema: 'managed-schema.json' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'savepoint@savepoint.dev',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
