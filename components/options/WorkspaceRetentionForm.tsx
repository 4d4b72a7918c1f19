import { useState, type FormEvent } from 'react';
import { parseRetention } from '@/lib/options/parse-retention';
import { useStoredValue } from '@/lib/options/use-stored-value';
import { sendMessage } from '@/lib/messaging/send-message';
import { readWorkspaceFacts, workspaceFactsItem } from '@/lib/storage';
import { StatusMessage, type Status } from './StatusMessage';
import { TextField } from './TextField';

/** A workspace's retention in Convex, for every device: admin keys set it, and it is audited there. */
export function WorkspaceRetentionForm() {
  const facts = useStoredValue(workspaceFactsItem, readWorkspaceFacts) ?? {};
  const [workspace, setWorkspace] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const set = Object.entries(facts).filter(([, fact]) => fact.retention !== undefined);

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseRetention(text);
    if (!workspace.trim()) return setStatus({ tone: 'error', text: 'Enter the workspace to change' });
    if ('error' in parsed) return setStatus({ tone: 'error', text: parsed.error });
    setStatus({ tone: 'info', text: 'Setting it in Convex…' });
    try {
      await sendMessage('workspace:set-retention', { workspace: workspace.trim(), retention: parsed.value });
      setStatus({
        tone: 'ok',
        text: `Workspace "${workspace.trim()}" keeps ${parsed.value} per section on every device`,
      });
    } catch (caught) {
      setStatus({ tone: 'error', text: caught instanceof Error ? caught.message : String(caught) });
    }
  }

  return (
    <form className="workspace-retention" onSubmit={(event) => void save(event)} noValidate>
      <h3>For a whole workspace</h3>
      <p className="field-help">
        Needs an admin key. Every device follows it after its next sync, over the number above. Convex counts
        each access key’s backups apart: one key’s saves never push out another’s.
      </p>
      {set.length > 0 ? (
        <ul className="facts" aria-label="Workspace retention set in Convex">
          {set.map(([name, fact]) => (
            <li key={name}>
              <code>{name}</code> keeps {fact.retention} per section
            </li>
          ))}
        </ul>
      ) : null}
      <TextField
        label="Workspace to change"
        autoComplete="off"
        spellCheck={false}
        placeholder="acme"
        value={workspace}
        onChange={setWorkspace}
      />
      <TextField
        label="Kept per section in this workspace"
        type="number"
        inputMode="numeric"
        className="narrow"
        value={text}
        onChange={setText}
      />
      <div className="actions">
        <button type="submit">Set for every device</button>
      </div>
      <StatusMessage status={status} />
    </form>
  );
}
