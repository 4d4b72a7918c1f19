import { describe, expect, it } from 'vitest';
import { bodyOverlap, classifyWrite, type WriteFacts } from '../../../lib/page/bridge/classify-write';

type Case = [app: string, save: boolean, facts: Partial<WriteFacts> & { method: string; url: string }];

const GRAFANA = 'https://grafana.example.com';
const HA = 'http://homeassistant.local:8123';
const NODE_RED = 'http://127.0.0.1:1880';
const N8N = 'https://n8n.example.com';
const GITLAB = 'https://gitlab.example.com';
const WP = 'https://blog.example.com';
const DOKU = 'https://wiki.example.com';
const GITEA = 'https://gitea.example.com';
const JENKINS = 'https://ci.example.com';
const DEMO = 'http://127.0.0.1:4400';

/** Fields of a section, from `name=value` pairs. */
const fields = (...pairs: [string, unknown][]) => pairs.map(([key, value]) => ({ key, value }));

/**
 * Real save requests of real dashboards, and the writes the same dashboards make that are not saves. `pageUrl`
 * defaults to the app's origin + `/settings`; `interaction` to true.
 */
const CASES: Case[] = [
  // Saves
  [
    'Grafana: save dashboard',
    true,
    {
      method: 'POST',
      url: `${GRAFANA}/api/dashboards/db`,
      label: 'Save',
      body: { dashboard: { title: 'Ops' }, folderUid: 'abc', message: 'tweak', overwrite: false },
      fields: fields(['message', 'tweak']),
    },
  ],
  [
    'Grafana: data source "Save & test"',
    true,
    {
      method: 'PUT',
      url: `${GRAFANA}/api/datasources/uid/P1809F7CD0C75ACF3`,
      label: 'Save & test',
      body: { name: 'Prometheus', type: 'prometheus', url: 'http://prom:9090', access: 'proxy' },
      fields: fields(['name', 'Prometheus'], ['url', 'http://prom:9090']),
    },
  ],
  [
    'Grafana: org preferences',
    true,
    {
      method: 'PUT',
      url: `${GRAFANA}/api/org/preferences`,
      label: 'Save',
      body: { theme: 'dark', timezone: 'utc', weekStart: 'monday' },
      fields: fields(['theme', 'dark'], ['timezone', 'utc'], ['weekStart', 'monday']),
    },
  ],
  [
    'Grafana: user preferences',
    true,
    { method: 'PUT', url: `${GRAFANA}/api/user/preferences`, label: 'Save', body: { theme: 'light' } },
  ],
  [
    'Grafana: new folder',
    true,
    { method: 'POST', url: `${GRAFANA}/api/folders`, label: 'Create', body: { title: 'Team A' } },
  ],
  [
    'Grafana: contact point',
    true,
    {
      method: 'PUT',
      url: `${GRAFANA}/api/v1/provisioning/contact-points/cp-7f3a9c21`,
      label: 'Save contact point',
      body: { name: 'ops', type: 'slack' },
    },
  ],
  [
    'Home Assistant: save automation',
    true,
    {
      method: 'POST',
      url: `${HA}/api/config/automation/config/1687253948372`,
      label: 'Save',
      body: { alias: 'Lights', trigger: [], action: [], mode: 'single' },
    },
  ],
  [
    'Home Assistant: save script',
    true,
    {
      method: 'POST',
      url: `${HA}/api/config/script/config/morning_lights`,
      label: 'Save script',
      body: { alias: 'Morning', sequence: [] },
    },
  ],
  [
    'Home Assistant: save scene',
    true,
    {
      method: 'POST',
      url: `${HA}/api/config/scene/config/1690000000001`,
      label: 'Save',
      body: { name: 'Movie', entities: {} },
    },
  ],
  [
    'Node-RED: deploy flows',
    true,
    {
      method: 'POST',
      url: `${NODE_RED}/flows`,
      pageUrl: `${NODE_RED}/`,
      label: 'Deploy',
      body: { flows: [], rev: 'a1b2' },
    },
  ],
  [
    'Node-RED: user settings',
    true,
    {
      method: 'POST',
      url: `${NODE_RED}/settings/user`,
      pageUrl: `${NODE_RED}/`,
      label: 'Close',
      body: { editor: { view: { 'view-grid-size': 20 } } },
    },
  ],
  [
    'Node-RED: one flow',
    true,
    {
      method: 'PUT',
      url: `${NODE_RED}/flow/91ad451.f6e52b8`,
      pageUrl: `${NODE_RED}/`,
      label: 'Deploy',
      body: { id: '91ad451.f6e52b8', label: 'Flow 1', nodes: [] },
    },
  ],
  [
    'n8n: save workflow',
    true,
    {
      method: 'PATCH',
      url: `${N8N}/rest/workflows/Abc123XyZ`,
      label: 'Save',
      body: { name: 'Sync CRM', nodes: [], connections: {}, settings: {} },
      fields: fields(['name', 'Sync CRM']),
    },
  ],
  [
    'n8n: save credential',
    true,
    {
      method: 'PATCH',
      url: `${N8N}/rest/credentials/42`,
      label: 'Save',
      body: { name: 'Slack', type: 'slackApi', data: {} },
    },
  ],
  [
    'n8n: profile',
    true,
    {
      method: 'PATCH',
      url: `${N8N}/rest/me`,
      label: 'Save',
      body: { firstName: 'Ada', lastName: 'L', email: 'ada@example.com' },
      fields: fields(['firstName', 'Ada'], ['lastName', 'L'], ['email', 'ada@example.com']),
    },
  ],
  [
    'GitLab: project settings (API)',
    true,
    {
      method: 'PUT',
      url: `${GITLAB}/api/v4/projects/42`,
      label: 'Save changes',
      body: { description: 'x', visibility: 'private' },
    },
  ],
  [
    'GitLab: project settings (form)',
    true,
    {
      method: 'POST',
      url: `${GITLAB}/group/project`,
      pageUrl: `${GITLAB}/group/project/edit`,
      via: 'form',
      label: 'Save changes',
      body: { _method: 'patch', 'project[name]': 'project' },
    },
  ],
  [
    'GitLab: user status',
    true,
    {
      method: 'PUT',
      url: `${GITLAB}/api/v4/user/status`,
      label: 'Set status',
      body: { emoji: 'coffee', message: 'Away' },
    },
  ],
  [
    'GitLab: add webhook',
    true,
    {
      method: 'POST',
      url: `${GITLAB}/api/v4/projects/42/hooks`,
      label: 'Add webhook',
      body: { url: 'https://hooks.example.com', push_events: true },
    },
  ],
  [
    'WordPress: options.php',
    true,
    {
      method: 'POST',
      url: `${WP}/wp-admin/options.php`,
      pageUrl: `${WP}/wp-admin/options-general.php`,
      via: 'form',
      label: 'Save Changes',
      body: { option_page: 'general', action: 'update', blogname: 'Blog', _wpnonce: 'n' },
      fields: fields(['blogname', 'Blog'], ['blogdescription', 'Just another site']),
    },
  ],
  [
    'WordPress: REST settings',
    true,
    {
      method: 'POST',
      url: `${WP}/wp-json/wp/v2/settings`,
      pageUrl: `${WP}/wp-admin/site-editor.php`,
      label: 'Save',
      body: { title: 'Blog', description: 'x' },
    },
  ],
  [
    'WordPress: save widget (admin-ajax)',
    true,
    {
      method: 'POST',
      url: `${WP}/wp-admin/admin-ajax.php`,
      pageUrl: `${WP}/wp-admin/widgets.php`,
      label: 'Save',
      body: { action: 'save-widget', 'widget-id': 'text-2' },
    },
  ],
  [
    'DokuWiki: configuration manager',
    true,
    {
      method: 'POST',
      url: `${DOKU}/doku.php`,
      pageUrl: `${DOKU}/doku.php?do=admin&page=config`,
      via: 'form',
      label: 'Save',
      body: { do: 'admin', page: 'config', sectok: 's', 'config[title]': 'Wiki', submit: 'Save' },
      fields: fields(['config[title]', 'Wiki']),
    },
  ],
  [
    'DokuWiki: save page',
    true,
    {
      method: 'POST',
      url: `${DOKU}/doku.php?id=start`,
      pageUrl: `${DOKU}/doku.php?id=start&do=edit`,
      via: 'form',
      label: 'Save',
      body: { 'do[save]': 'Save', wikitext: 'Hello', id: 'start' },
    },
  ],
  [
    'Gitea: user settings',
    true,
    {
      method: 'POST',
      url: `${GITEA}/user/settings`,
      via: 'form',
      label: 'Update Profile',
      body: { _csrf: 'c', name: 'ada', full_name: 'Ada', email: 'ada@example.com' },
    },
  ],
  [
    'Gitea: repository settings',
    true,
    {
      method: 'POST',
      url: `${GITEA}/org/repo/settings`,
      pageUrl: `${GITEA}/org/repo/settings`,
      via: 'form',
      label: 'Update Settings',
      body: { _csrf: 'c', action: 'update', repo_name: 'repo' },
    },
  ],
  [
    'Gitea: new webhook',
    true,
    {
      method: 'POST',
      url: `${GITEA}/org/repo/settings/hooks/gitea/new`,
      pageUrl: `${GITEA}/org/repo/settings/hooks/gitea/new`,
      via: 'form',
      label: 'Add Webhook',
      body: { payload_url: 'https://x', content_type: '1' },
    },
  ],
  [
    'Jenkins: job configuration',
    true,
    {
      method: 'POST',
      url: `${JENKINS}/job/api/configSubmit`,
      pageUrl: `${JENKINS}/job/api/configure`,
      via: 'form',
      label: 'Save',
      body: { json: '{}', Submit: 'Save' },
    },
  ],
  [
    'Jenkins: system configuration',
    true,
    {
      method: 'POST',
      url: `${JENKINS}/manage/configSubmit`,
      pageUrl: `${JENKINS}/manage/configure`,
      via: 'form',
      label: 'Apply',
      body: { json: '{}' },
    },
  ],
  [
    'Jenkins: new credentials',
    true,
    {
      method: 'POST',
      url: `${JENKINS}/manage/credentials/store/system/domain/_/createCredentials`,
      pageUrl: `${JENKINS}/manage/credentials/store/system/domain/_/newCredentials`,
      via: 'form',
      label: 'Create',
      body: { json: '{}' },
    },
  ],
  [
    'Discourse: site setting',
    true,
    {
      method: 'PUT',
      url: 'https://forum.example.com/admin/site_settings/title',
      pageUrl: 'https://forum.example.com/admin/site_settings',
      label: 'Save',
      body: { title: 'Forum' },
      fields: fields(['title', 'Forum']),
    },
  ],
  [
    'Sentry: organization settings',
    true,
    {
      method: 'PUT',
      url: 'https://sentry.io/api/0/organizations/acme/',
      pageUrl: 'https://sentry.io/settings/acme/',
      label: 'Save',
      body: { name: 'Acme' },
    },
  ],
  [
    'Keycloak: realm settings',
    true,
    {
      method: 'PUT',
      url: 'https://sso.example.com/admin/realms/master',
      pageUrl: 'https://sso.example.com/admin/master/console/',
      label: 'Save',
      body: { displayName: 'Master', sslRequired: 'external' },
    },
  ],
  [
    'Portainer: environment',
    true,
    {
      method: 'PUT',
      url: 'https://portainer.example.com/api/endpoints/3',
      pageUrl: 'https://portainer.example.com/',
      label: 'Update environment',
      body: { Name: 'local', URL: 'unix:///var/run/docker.sock' },
    },
  ],
  [
    'Nextcloud: background jobs mode',
    true,
    {
      method: 'POST',
      url: 'https://cloud.example.com/ocs/v2.php/apps/provisioning_api/api/v1/config/apps/core/backgroundjobs_mode',
      pageUrl: 'https://cloud.example.com/settings/admin',
      body: { value: 'cron' },
    },
  ],
  [
    'Demo: bot names',
    true,
    {
      method: 'PUT',
      url: `${DEMO}/api/workspaces/acme/settings/bot-names`,
      pageUrl: `${DEMO}/acme/settings`,
      label: 'Save',
      body: { primaryName: 'Ada', fallbackName: 'Bob', greetingStyle: 'formal' },
      fields: fields(['primaryName', 'Ada'], ['fallbackName', 'Bob'], ['greetingStyle', 'formal']),
    },
  ],
  [
    'Demo: framework page sends its state',
    true,
    {
      method: 'PUT',
      url: `${DEMO}/api/workspaces/acme/settings/app`,
      pageUrl: `${DEMO}/acme/app-settings`,
      label: 'Save team preferences',
      body: { teamName: 'Platform', weeklyDigest: true },
      fields: fields(['team-name', 'Platform'], ['weekly-digest', true]),
    },
  ],
  [
    'An autosave, the first of its kind',
    true,
    {
      method: 'PATCH',
      url: `${DEMO}/api/workspaces/acme/settings/notes`,
      pageUrl: `${DEMO}/acme/settings`,
      interaction: false,
      repeats: 0,
      body: { notes: 'x' },
    },
  ],
  // Not saves
  [
    'Grafana: panel query',
    false,
    {
      method: 'POST',
      url: `${GRAFANA}/api/ds/query`,
      label: 'Refresh',
      body: { queries: [], from: 'now-6h', to: 'now' },
    },
  ],
  [
    'Grafana: frontend metrics',
    false,
    { method: 'POST', url: `${GRAFANA}/api/frontend-metrics`, interaction: false, body: { events: [] } },
  ],
  [
    'Grafana: login',
    false,
    {
      method: 'POST',
      url: `${GRAFANA}/login`,
      pageUrl: `${GRAFANA}/login`,
      label: 'Log in',
      body: { user: 'admin', password: 'x' },
    },
  ],
  [
    'Grafana: test a contact point',
    false,
    {
      method: 'POST',
      url: `${GRAFANA}/api/alertmanager/grafana/config/api/v1/receivers/test`,
      label: 'Test',
      body: { receivers: [] },
    },
  ],
  [
    'Grafana: diff before saving',
    false,
    {
      method: 'POST',
      url: `${GRAFANA}/api/dashboards/calculate-diff`,
      label: 'Changes',
      body: { base: {}, new: {}, diffType: 'json' },
    },
  ],
  [
    'Home Assistant: check configuration',
    false,
    { method: 'POST', url: `${HA}/api/config/core/check_config`, label: 'Check configuration' },
  ],
  [
    'Home Assistant: login flow',
    false,
    {
      method: 'POST',
      url: `${HA}/auth/login_flow`,
      pageUrl: `${HA}/auth/authorize`,
      label: 'Log in',
      body: { client_id: `${HA}/`, handler: ['homeassistant', null] },
    },
  ],
  [
    'Home Assistant: render a template',
    false,
    {
      method: 'POST',
      url: `${HA}/api/template`,
      pageUrl: `${HA}/developer-tools/template`,
      body: { template: '{{ now() }}' },
      fields: fields(['template', '{{ now() }}']),
    },
  ],
  [
    'Home Assistant: call a service',
    false,
    {
      method: 'POST',
      url: `${HA}/api/services/light/turn_on`,
      pageUrl: `${HA}/lovelace/0`,
      label: 'Turn on',
      body: { entity_id: 'light.kitchen' },
    },
  ],
  [
    'Node-RED: inject node button',
    false,
    { method: 'POST', url: `${NODE_RED}/inject/2a5b6c7d8e9f0a1b`, pageUrl: `${NODE_RED}/` },
  ],
  [
    'Node-RED: editor login',
    false,
    {
      method: 'POST',
      url: `${NODE_RED}/auth/token`,
      pageUrl: `${NODE_RED}/`,
      label: 'Login',
      body: { client_id: 'node-red-editor', grant_type: 'password', username: 'a', password: 'b' },
    },
  ],
  [
    'n8n: test workflow',
    false,
    {
      method: 'POST',
      url: `${N8N}/rest/workflows/run`,
      label: 'Test workflow',
      body: { workflowData: {}, startNodes: [] },
    },
  ],
  [
    'n8n: test credential',
    false,
    { method: 'POST', url: `${N8N}/rest/credentials/test`, label: 'Retry', body: { credentials: {} } },
  ],
  [
    'n8n: login',
    false,
    {
      method: 'POST',
      url: `${N8N}/rest/login`,
      pageUrl: `${N8N}/signin`,
      label: 'Sign in',
      body: { email: 'a@b.c', password: 'x' },
    },
  ],
  [
    'n8n: telemetry',
    false,
    {
      method: 'POST',
      url: `${N8N}/rest/telemetry/rudderstack/v1/batch`,
      interaction: false,
      body: { batch: [] },
    },
  ],
  [
    'GitLab: markdown preview',
    false,
    { method: 'POST', url: `${GITLAB}/api/v4/markdown`, label: 'Preview', body: { text: '# hi', gfm: true } },
  ],
  [
    'GitLab: CI lint',
    false,
    {
      method: 'POST',
      url: `${GITLAB}/api/v4/projects/42/ci/lint`,
      label: 'Validate',
      body: { content: 'stages: []' },
    },
  ],
  [
    'GitLab: test a webhook',
    false,
    { method: 'POST', url: `${GITLAB}/api/v4/projects/42/hooks/7/test/push_events`, label: 'Test' },
  ],
  [
    'GitLab: sign in',
    false,
    {
      method: 'POST',
      url: `${GITLAB}/users/sign_in`,
      pageUrl: `${GITLAB}/users/sign_in`,
      via: 'form',
      label: 'Sign in',
      body: { 'user[login]': 'a', 'user[password]': 'b' },
    },
  ],
  [
    'GitLab: product analytics events',
    false,
    { method: 'POST', url: `${GITLAB}/-/collect_events`, interaction: false, body: { events: [] } },
  ],
  [
    'GitLab: GraphQL read',
    false,
    {
      method: 'POST',
      url: `${GITLAB}/api/graphql`,
      body: {
        operationName: 'getProjectIssues',
        query: 'query getProjectIssues { project { id } }',
        variables: {},
      },
    },
  ],
  [
    'WordPress: heartbeat',
    false,
    {
      method: 'POST',
      url: `${WP}/wp-admin/admin-ajax.php`,
      pageUrl: `${WP}/wp-admin/options-general.php`,
      interaction: false,
      repeats: 2,
      body: { action: 'heartbeat', _nonce: 'n', interval: '60' },
    },
  ],
  [
    'WordPress: login',
    false,
    {
      method: 'POST',
      url: `${WP}/wp-login.php`,
      pageUrl: `${WP}/wp-login.php`,
      via: 'form',
      label: 'Log In',
      body: { log: 'a', pwd: 'b', 'wp-submit': 'Log In' },
    },
  ],
  [
    'WordPress: block renderer',
    false,
    {
      method: 'POST',
      url: `${WP}/wp-json/wp/v2/block-renderer/core/latest-posts`,
      pageUrl: `${WP}/wp-admin/post.php?post=1&action=edit`,
      body: { attributes: {} },
    },
  ],
  [
    'WordPress: media query',
    false,
    {
      method: 'POST',
      url: `${WP}/wp-admin/admin-ajax.php`,
      pageUrl: `${WP}/wp-admin/upload.php`,
      body: { action: 'query-attachments', query: { posts_per_page: 40 } },
    },
  ],
  [
    'DokuWiki: login',
    false,
    {
      method: 'POST',
      url: `${DOKU}/doku.php?id=start&do=login`,
      pageUrl: `${DOKU}/doku.php?id=start&do=login`,
      via: 'form',
      label: 'Log In',
      body: { do: 'login', u: 'a', p: 'b', sectok: 's' },
    },
  ],
  [
    'DokuWiki: preview',
    false,
    {
      method: 'POST',
      url: `${DOKU}/doku.php?id=start`,
      pageUrl: `${DOKU}/doku.php?id=start&do=edit`,
      via: 'form',
      label: 'Preview',
      body: { 'do[preview]': 'Preview', wikitext: 'Hello', id: 'start' },
    },
  ],
  [
    // Each key typed in the wiki's search box (found by the real-app e2e test).
    'DokuWiki: quick search',
    false,
    {
      method: 'POST',
      url: `${DOKU}/lib/exe/ajax.php`,
      pageUrl: `${DOKU}/doku.php?do=admin&page=config`,
      via: 'xhr',
      body: { call: 'qsearch', q: 'wel' },
    },
  ],
  [
    // The same, as jQuery really sends it: a form-encoded string.
    'DokuWiki: quick search (string body)',
    false,
    {
      method: 'POST',
      url: `${DOKU}/lib/exe/ajax.php`,
      pageUrl: `${DOKU}/doku.php?do=admin&page=config`,
      via: 'xhr',
      body: 'call=qsearch&q=wel',
    },
  ],
  [
    'Gitea: test delivery',
    false,
    {
      method: 'POST',
      url: `${GITEA}/org/repo/settings/hooks/3/test`,
      pageUrl: `${GITEA}/org/repo/settings/hooks/3`,
      via: 'form',
      label: 'Test Delivery',
      body: { _csrf: 'c' },
    },
  ],
  [
    'Gitea: login',
    false,
    {
      method: 'POST',
      url: `${GITEA}/user/login`,
      pageUrl: `${GITEA}/user/login`,
      via: 'form',
      label: 'Sign In',
      body: { _csrf: 'c', user_name: 'a', password: 'b' },
    },
  ],
  [
    'Gitea: markdown preview',
    false,
    {
      method: 'POST',
      url: `${GITEA}/markup`,
      pageUrl: `${GITEA}/org/repo/settings`,
      label: 'Preview',
      body: { mode: 'gfm', text: 'hi', context: '/org/repo' },
    },
  ],
  [
    'Jenkins: test e-mail',
    false,
    {
      method: 'POST',
      url: `${JENKINS}/descriptorByName/hudson.tasks.Mailer/sendTestMail`,
      pageUrl: `${JENKINS}/manage/configure`,
      label: 'Test configuration',
      body: { sendTestMailTo: 'a@b.c' },
    },
  ],
  [
    'Jenkins: form validation',
    false,
    {
      method: 'POST',
      url: `${JENKINS}/job/api/descriptorByName/hudson.plugins.git.UserRemoteConfig/checkUrl`,
      pageUrl: `${JENKINS}/job/api/configure`,
      interaction: true,
      body: { value: 'https://git' },
    },
  ],
  [
    'Jenkins: build now',
    false,
    {
      method: 'POST',
      url: `${JENKINS}/job/api/build?delay=0sec`,
      pageUrl: `${JENKINS}/job/api/`,
      label: 'Build Now',
    },
  ],
  [
    'Jenkins: build queue polling',
    false,
    {
      method: 'POST',
      url: `${JENKINS}/ajaxBuildQueue`,
      pageUrl: `${JENKINS}/`,
      interaction: false,
      repeats: 3,
    },
  ],
  [
    'Jenkins: login',
    false,
    {
      method: 'POST',
      url: `${JENKINS}/j_spring_security_check`,
      pageUrl: `${JENKINS}/login`,
      via: 'form',
      label: 'Sign in',
      body: { j_username: 'a', j_password: 'b' },
    },
  ],
  [
    'Keycloak: test SMTP connection',
    false,
    {
      method: 'POST',
      url: 'https://sso.example.com/admin/realms/master/testSMTPConnection',
      pageUrl: 'https://sso.example.com/admin/master/console/',
      label: 'Test connection',
      body: { host: 'smtp' },
    },
  ],
  [
    'Portainer: login',
    false,
    {
      method: 'POST',
      url: 'https://portainer.example.com/api/auth',
      pageUrl: 'https://portainer.example.com/',
      label: 'Login',
      body: { Username: 'a', Password: 'b' },
    },
  ],
  [
    'Discourse: presence',
    false,
    {
      method: 'POST',
      url: 'https://forum.example.com/presence/update',
      pageUrl: 'https://forum.example.com/admin/site_settings',
      interaction: false,
      repeats: 5,
      body: { client_id: 'x', present_channels: [] },
    },
  ],
  [
    'Demo: test a bot webhook',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/bots/bot-42/test-webhook`,
      pageUrl: `${DEMO}/acme/settings`,
      label: 'Test connection',
      body: { url: 'https://hooks.example.com' },
      fields: fields(['webhookUrl', 'https://hooks.example.com']),
    },
  ],
  [
    'Demo: usage beacon',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/usage`,
      pageUrl: `${DEMO}/acme/settings`,
      via: 'beacon',
      interaction: false,
    },
  ],
  [
    'Demo: keepalive ping',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/settings/session`,
      pageUrl: `${DEMO}/acme/settings`,
      keepalive: true,
      interaction: false,
    },
  ],
  [
    'Demo: analytics',
    false,
    {
      method: 'POST',
      url: `${DEMO}/analytics/collect`,
      pageUrl: `${DEMO}/acme/settings`,
      body: { event: 'view' },
    },
  ],
  [
    'Demo: form post in a hidden frame',
    false,
    {
      method: 'POST',
      url: `${DEMO}/acme/settings/intern`,
      pageUrl: `${DEMO}/acme/settings`,
      via: 'form',
      topFrame: false,
    },
  ],
  [
    'Demo: state polled on a timer',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/sync-state`,
      pageUrl: `${DEMO}/acme/settings`,
      interaction: false,
      repeats: 4,
      body: { since: 1 },
    },
  ],
  [
    'Demo: search box in a section',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/search`,
      pageUrl: `${DEMO}/acme/settings`,
      body: { q: 'webhook' },
      fields: fields(['webhookUrl', 'https://x'], ['events', 'push']),
    },
  ],
  [
    'Demo: a sticky note posted from a settings section',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/workspaces/acme/notes`,
      pageUrl: `${DEMO}/acme/settings`,
      body: { text: 'hello', color: 'yellow' },
      fields: fields(['primaryName', 'Ada'], ['fallbackName', 'Bob'], ['greetingStyle', 'formal']),
    },
  ],
  [
    'Demo: feedback widget beside settings',
    false,
    {
      method: 'POST',
      url: `${DEMO}/api/v1/feedback`,
      pageUrl: `${DEMO}/acme/settings`,
      label: 'Send',
      body: { rating: 5, comment: 'great' },
      fields: fields(['model', 'claude'], ['temperature', '0.7']),
    },
  ],
  [
    'Segment: off-site analytics',
    false,
    {
      method: 'POST',
      url: 'https://api.segment.io/v1/t',
      pageUrl: `${DEMO}/acme/settings`,
      interaction: false,
    },
  ],
];

function factsOf([, , facts]: Case): WriteFacts {
  const origin = new URL(facts.url).origin;
  return { pageUrl: `${origin}/settings`, via: 'fetch', interaction: true, ...facts };
}

describe('classifyWrite on a labelled set of real dashboards’ requests', () => {
  it('has at least 60 cases, saves and not saves', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter(([, save]) => save).length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter(([, save]) => !save).length).toBeGreaterThanOrEqual(25);
  });

  it('finds saves with precision and recall of at least 0.95', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const item of CASES) {
      const predicted = classifyWrite(factsOf(item)).save;
      if (predicted && item[1]) tp += 1;
      if (predicted && !item[1]) fp += 1;
      if (!predicted && item[1]) fn += 1;
      if (predicted !== item[1]) wrong.push(`${item[0]} (expected ${item[1] ? 'save' : 'not a save'})`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.info(
      `classifyWrite over ${CASES.length} requests: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (wrong.length ? `; wrong: ${wrong.join('; ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['endpoint', CASES.find(([app]) => app === 'Demo: test a bot webhook')],
    ['label', CASES.find(([app]) => app === 'Gitea: markdown preview')],
    ['beacon', CASES.find(([app]) => app === 'Demo: usage beacon')],
    ['polling', CASES.find(([app]) => app === 'Demo: state polled on a timer')],
    ['unrelated-body', CASES.find(([app]) => app === 'Demo: a sticky note posted from a settings section')],
    ['body-action', CASES.find(([app]) => app === 'WordPress: heartbeat')],
    ['sub-frame', CASES.find(([app]) => app === 'Demo: form post in a hidden frame')],
  ])('says why: %s', (reason, item) => {
    const verdict = classifyWrite(factsOf(item!));
    expect(verdict).toEqual({ save: false, reason });
  });
});

describe('a nested body explained by the tray that saved it (Node-RED)', () => {
  it('is a save: its values sit under paths whose last member the tray’s field ids end with', () => {
    const fields = ['view-grid-size', 'view-snap-grid', 'view-show-grid', 'view-node-status'].map((name) => ({
      key: `user-settings-${name}`,
      value: true,
    }));
    const body = {
      editor: {
        view: {
          'view-grid-size': '40',
          'view-snap-grid': false,
          'view-show-grid': true,
          'view-node-status': true,
        },
      },
      telemetryEnabled: false,
    };
    expect(bodyOverlap(body, fields)).toBeGreaterThanOrEqual(0.8);
  });
});

describe("a save of the whole configuration from a dialog showing part of it (Syncthing 1.19's Settings)", () => {
  /** `PUT /rest/config`: every folder, device and option, as Syncthing's GUI sends it (cut to its shape here). */
  const body = {
    version: 36,
    folders: Array.from({ length: 12 }, (_, i) => ({
      id: `folder-${i}`,
      label: `Photos ${i}`,
      filesystemType: 'basic',
      path: `/srv/photos-${i}`,
      type: 'sendreceive',
      rescanIntervalS: 3600,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 10,
      ignorePerms: false,
      autoNormalize: true,
      copiers: 0,
      pullerMaxPendingKiB: 0,
      order: 'random',
    })),
    devices: [
      { deviceID: 'DEVICE-AAAA-BBBB', name: 'Laptop', addresses: ['dynamic'], compression: 'metadata' },
    ],
    gui: {
      enabled: true,
      address: '127.0.0.1:8384',
      user: '',
      password: '',
      useTLS: false,
      theme: 'default',
    },
    options: {
      deviceName: 'Office NAS',
      minHomeDiskFree: { value: 1, unit: '%' },
      listenAddresses: ['default'],
      maxRecvKbps: 100,
      maxSendKbps: 0,
      natEnabled: true,
      localAnnounceEnabled: true,
      globalAnnounceEnabled: false,
      relaysEnabled: false,
      startBrowser: false,
      urAccepted: -1,
      autoUpgradeIntervalH: 0,
    },
  };
  /** The Settings dialog's fields, keyed by their ids, as the capture agent reads them. */
  const dialog = [
    { key: 'DeviceName', value: 'Office NAS' },
    { key: 'minHomeDiskFree', value: '1' },
    { key: 'Address', value: '127.0.0.1:8384' },
    { key: 'User', value: '' },
    { key: 'UseTLS', value: false },
    { key: 'StartBrowser', value: false },
    { key: 'ListenAddressesStr', value: 'default' },
    { key: 'MaxRecvKbps', value: '100' },
    { key: 'MaxSendKbps', value: '0' },
    { key: 'NATEnabled', value: true },
    { key: 'LocalAnnEnabled', value: true },
    { key: 'GlobalAnnEnabled', value: false },
    { key: 'RelaysEnabled', value: false },
  ];
  const facts: WriteFacts = {
    method: 'PUT',
    url: 'http://127.0.0.1:8384/rest/config',
    pageUrl: 'http://127.0.0.1:8384/',
    via: 'xhr',
    label: 'Save',
    interaction: true,
    body,
    fields: dialog,
  };

  it('is a save: most of the dialog is in the body, though the body is mostly what the dialog does not show', () => {
    expect(bodyOverlap(body, dialog)).toBeLessThan(0.2);
    expect(classifyWrite(facts)).toEqual({ save: true });
  });

  it('a large write whose members only end like the fields (`library.name` for `displayName`) is not its save', () => {
    const telemetry = {
      ...facts,
      url: 'http://127.0.0.1:8384/rest/profile',
      body: {
        context: {
          library: { name: 'analytics.js', version: '1.55' },
          page: { name: 'Settings', path: '/' },
        },
        device: { name: 'laptop', type: 'desktop' },
        traits: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`trait${i}`, i])),
      },
      fields: [
        { key: 'displayName', value: 'Ada' },
        { key: 'pageName', value: 'Home' },
        { key: 'deviceName', value: 'Office NAS' },
        { key: 'deviceType', value: 'server' },
      ],
    };
    expect(classifyWrite(telemetry)).toEqual({ save: false, reason: 'unrelated-body' });
  });

  it('a write of another resource from the same dialog is still not its save', () => {
    const note = {
      ...facts,
      url: 'http://127.0.0.1:8384/rest/notes',
      body: { text: 'hello', color: 'yellow' },
    };
    expect(classifyWrite(note)).toEqual({ save: false, reason: 'unrelated-body' });
  });
});
