// Shared by the demo pages: where a workspace's settings live and how a save reports its outcome.

/** The workspace slug the server rendered into `<body data-workspace>`. */
export const workspace = document.body.dataset.workspace ?? 'acme';

/** URL of one settings section of this workspace. */
export function sectionUrl(section) {
  return `/api/workspaces/${encodeURIComponent(workspace)}/settings/${section}`;
}

/** Shows "Saving…", then "Saved" or "Save failed (status)" in `<id>-status`, and the server's message in `<id>-detail`. */
export async function reportSave(id, send) {
  const status = document.getElementById(`${id}-status`);
  const detail = document.getElementById(`${id}-detail`);
  const show = (text, message, failed) => {
    if (status) {
      status.textContent = text;
      status.classList.toggle('is-error', failed);
    }
    if (detail) detail.textContent = message;
  };
  show('Saving…', '', false);
  try {
    const response = await send();
    if (response.ok) {
      show('Saved', '', false);
      return response;
    }
    show(`Save failed (${response.status})`, await errorMessage(response), true);
  } catch {
    show('Save failed (network)', 'The server could not be reached.', true);
  }
  return undefined;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    return typeof body?.error === 'string' ? body.error : '';
  } catch {
    return '';
  }
}

/** PUTs a JSON object with fetch. */
export function putJson(section, value) {
  return fetch(sectionUrl(section), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
}
