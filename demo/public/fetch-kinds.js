// The fetch-kinds lab: each card saves its note with a different request body, plus requests that are not saves.
import { reportSave, sectionUrl } from './save-client.js';

const valueOf = (id) => document.getElementById(id).value;
const json = (object) => JSON.stringify(object);
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Sends an XMLHttpRequest and resolves with a fetch-like `{ ok, status, json() }`. */
function xhrPutJson(url, body) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('content-type', 'application/json');
    request.setRequestHeader('x-requested-with', 'XMLHttpRequest');
    request.onload = () =>
      resolve({
        ok: request.status >= 200 && request.status < 300,
        status: request.status,
        json: async () => JSON.parse(request.responseText),
      });
    request.onerror = () => reject(new Error('network'));
    request.send(body);
  });
}

/** Section slug → how its Save button sends the note. */
const SENDERS = {
  'lab-json': () =>
    fetch(sectionUrl('lab-json'), {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: json({ jsonNote: valueOf('lab-json-jsonNote') }),
    }),
  'lab-params': () =>
    fetch(sectionUrl('lab-params'), {
      method: 'POST',
      body: new URLSearchParams({ paramsNote: valueOf('lab-params-paramsNote') }),
    }),
  'lab-formdata': () => {
    const form = new FormData();
    form.set('formDataNote', valueOf('lab-formdata-formDataNote'));
    return fetch(sectionUrl('lab-formdata'), { method: 'POST', body: form });
  },
  'lab-blob': () =>
    fetch(sectionUrl('lab-blob'), {
      method: 'PATCH',
      body: new Blob([json({ blobNote: valueOf('lab-blob-blobNote') })], { type: 'application/json' }),
    }),
  'lab-request': () =>
    fetch(
      new Request(sectionUrl('lab-request'), {
        method: 'PUT',
        headers: JSON_HEADERS,
        body: json({ requestNote: valueOf('lab-request-requestNote') }),
      }),
    ),
  'lab-xhr': () => xhrPutJson(sectionUrl('lab-xhr'), json({ xhrNote: valueOf('lab-xhr-xhrNote') })),
};

for (const [section, send] of Object.entries(SENDERS)) {
  document.getElementById(`${section}-save`)?.addEventListener('click', () => void reportSave(section, send));
}

document.getElementById('lab-items-save')?.addEventListener('click', async () => {
  const first = document.querySelector('#lab-items-list li');
  if (!first) {
    document.getElementById('lab-items-status').textContent = 'Nothing left to remove';
    return;
  }
  const url = `${sectionUrl('lab-items')}/items/${encodeURIComponent(first.dataset.itemId)}`;
  const response = await reportSave('lab-items', () => fetch(url, { method: 'DELETE' }));
  if (response) first.remove();
});

const notSavesStatus = document.getElementById('not-saves-status');

document.getElementById('poll-button')?.addEventListener('click', async () => {
  const response = await fetch(sectionUrl('lab-json'));
  const values = await response.json();
  notSavesStatus.textContent = `Polled: JSON note is "${values.jsonNote}"`;
});

document.getElementById('analytics-button')?.addEventListener('click', async () => {
  navigator.sendBeacon('/analytics/collect', json({ event: 'lab-viewed', at: Date.now() }));
  await fetch('/analytics/track', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ event: 'button-clicked' }),
  });
  notSavesStatus.textContent = 'Analytics sent';
});

const botToolsStatus = document.getElementById('lab-bot-tools-status');
const botUrl = (action) =>
  `/api/workspaces/${encodeURIComponent(document.body.dataset.workspace ?? 'acme')}/bots/bot-42/${action}`;

document.getElementById('bot-test-connection')?.addEventListener('click', async () => {
  const response = await fetch(botUrl('test-webhook'), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: json({ url: valueOf('lab-bot-tools-webhookUrl') }),
  });
  botToolsStatus.textContent = response.ok ? 'Connection works' : `Test failed (${response.status})`;
});

document.getElementById('bot-recount')?.addEventListener('click', async () => {
  const response = await fetch(botUrl('recount'), { method: 'POST' });
  botToolsStatus.textContent = response.ok
    ? `Recounted (${(await response.json()).count})`
    : 'Recount failed';
});
