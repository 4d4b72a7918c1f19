import { useRef, type KeyboardEvent } from 'react';
import { maskKey } from '@/lib/options/workspace-key-error';
import { useFocusAfterRemoval } from '@/lib/options/use-focus-after-removal';
import type { Settings } from '@/lib/storage';
import { TextField } from './TextField';

type WorkspaceKey = Settings['workspaceKeys'][number];

/** A key typed into the fields and not yet added to the list. */
export interface TypedKey {
  workspace: string;
  accessKey: string;
}

interface Props {
  value: WorkspaceKey[];
  typed: TypedKey;
  onType(next: TypedKey): void;
  /** What is wrong with the typed key, shown under its fields. */
  error: string | null;
  /** Adds the typed key to the list (Add, or Enter in its fields). */
  onAdd(): void;
  onRemove(entry: WorkspaceKey): void;
}

/**
 * Keys for particular workspaces, on top of the main key: listed masked, added and removed here, kept with the
 * connection's Save. Enter in its fields adds the key rather than sending the connection's form.
 */
export function WorkspaceKeysField({ value, typed, onType, error, onAdd, onRemove }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const workspaceField = useRef<HTMLInputElement>(null);
  const onListFocus = useFocusAfterRemoval(
    value.map((entry) => entry.workspace),
    list,
    (item) => item.querySelector('button'),
    () => workspaceField.current,
  );
  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onAdd();
  };

  return (
    <fieldset className="workspace-keys">
      <legend>Keys for other workspaces</legend>
      <p className="field-help">
        A workspace without a key of its own uses the access key above. Add one here for a workspace that key
        does not cover.
      </p>
      {value.length > 0 ? (
        <ul className="facts" aria-label="Keys for other workspaces" ref={list} onFocus={onListFocus}>
          {value.map((entry) => (
            <li key={entry.workspace}>
              <code>{entry.workspace}</code> key {maskKey(entry.accessKey)}{' '}
              <button
                type="button"
                aria-label={`Remove the key for ${entry.workspace}`}
                onClick={() => onRemove(entry)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <TextField
        ref={workspaceField}
        label="Workspace"
        autoComplete="off"
        spellCheck={false}
        placeholder="globex"
        value={typed.workspace}
        onChange={(workspace) => onType({ ...typed, workspace })}
        onKeyDown={addOnEnter}
        error={error}
      />
      <TextField
        label="Workspace key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={typed.accessKey}
        onChange={(accessKey) => onType({ ...typed, accessKey })}
        onKeyDown={addOnEnter}
      />
      <div className="actions">
        <button type="button" onClick={onAdd}>
          Add key for workspace
        </button>
      </div>
    </fieldset>
  );
}
