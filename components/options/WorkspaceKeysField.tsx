import { useState } from 'react';
import { maskKey, workspaceKeyError } from '@/lib/options/workspace-key-error';
import type { Settings } from '@/lib/storage';
import { TextField } from './TextField';

type WorkspaceKey = Settings['workspaceKeys'][number];

/** Keys for particular workspaces, on top of the main key: listed masked, added and removed here. */
export function WorkspaceKeysField(props: { value: WorkspaceKey[]; onChange(next: WorkspaceKey[]): void }) {
  const [workspace, setWorkspace] = useState('');
  const [accessKey, setAccessKey] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add() {
    const problem = workspaceKeyError(workspace, accessKey, props.value);
    setError(problem);
    if (problem) return;
    props.onChange([...props.value, { workspace: workspace.trim(), accessKey: accessKey.trim() }]);
    setWorkspace('');
    setAccessKey('');
  }

  return (
    <fieldset className="workspace-keys">
      <legend>Keys for other workspaces</legend>
      <p className="field-help">
        A workspace without a key of its own uses the access key above. Add one here for a workspace that key
        does not cover.
      </p>
      {props.value.length > 0 ? (
        <ul className="facts" aria-label="Keys for other workspaces">
          {props.value.map((entry) => (
            <li key={entry.workspace}>
              <code>{entry.workspace}</code> key {maskKey(entry.accessKey)}{' '}
              <button
                type="button"
                aria-label={`Remove the key for ${entry.workspace}`}
                onClick={() => props.onChange(props.value.filter((other) => other !== entry))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <TextField
        label="Workspace"
        autoComplete="off"
        spellCheck={false}
        placeholder="globex"
        value={workspace}
        onChange={setWorkspace}
        error={error}
      />
      <TextField
        label="Workspace key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={accessKey}
        onChange={setAccessKey}
      />
      <div className="actions">
        <button type="button" onClick={add}>
          Add key for workspace
        </button>
      </div>
    </fieldset>
  );
}
