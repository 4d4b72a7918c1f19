import { useState, type FormEvent } from 'react';
import { convexUrlError } from '@/lib/options/convex-url-error';
import { workspaceKeyError } from '@/lib/options/workspace-key-error';
import { isLocked } from '@/lib/options/is-locked';
import { useDraft } from '@/lib/options/use-draft';
import { sendMessage } from '@/lib/messaging/send-message';
import { writeSettings, type Settings } from '@/lib/storage';
import { AccessKeyField } from './AccessKeyField';
import { Section } from './Section';
import { StatusMessage, type Status } from './StatusMessage';
import { TextField } from './TextField';
import { WorkspaceKeysField, type TypedKey } from './WorkspaceKeysField';

const NO_TYPED_KEY: TypedKey = { workspace: '', accessKey: '' };

const KEY_COMMAND = `npx convex run keys:create '{"workspace":"acme","role":"admin","label":"my laptop"}'`;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where backups go: the Convex deployment URL and the access key, with a connection test. */
export function ConvexSection({ settings }: { settings: Settings }) {
  const urlLocked = isLocked(settings, 'convexUrl');
  const [url, setUrl] = useDraft(settings.convexUrl);
  const [accessKey, setAccessKey] = useDraft(settings.accessKey);
  const [workspaceKeys, setWorkspaceKeys] = useDraft(settings.workspaceKeys);
  // A key typed under "Keys for other workspaces" and not added yet: Save connection adds it, or says why not.
  const [typedKey, setTypedKey] = useState(NO_TYPED_KEY);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [testing, setTesting] = useState(false);
  const shownUrl = urlLocked ? settings.convexUrl : url;

  async function save(event: FormEvent) {
    event.preventDefault();
    const error = urlLocked ? null : convexUrlError(url);
    setUrlError(error);
    if (error) {
      setStatus(null);
      return;
    }
    const typed = typedKey.workspace.trim() || typedKey.accessKey.trim() ? withTypedKey() : workspaceKeys;
    if (!typed) {
      setStatus({ tone: 'error', text: 'Not saved: the workspace key typed above is not complete' });
      return;
    }
    try {
      await writeSettings({
        ...(urlLocked ? {} : { convexUrl: url.trim() }),
        accessKey: accessKey.trim(),
        workspaceKeys: typed,
      });
      setTypedKey(NO_TYPED_KEY);
      setStatus({ tone: 'ok', text: 'Saved' });
    } catch (caught) {
      setStatus({ tone: 'error', text: `Not saved: ${errorText(caught)}` });
    }
  }

  /** The list with the typed key added, or null (its error shown under it) when it cannot be added. */
  function withTypedKey(): Settings['workspaceKeys'] | null {
    const problem = workspaceKeyError(typedKey.workspace, typedKey.accessKey, workspaceKeys);
    setKeyError(problem);
    if (problem) return null;
    return [...workspaceKeys, { workspace: typedKey.workspace.trim(), accessKey: typedKey.accessKey.trim() }];
  }

  function addKey() {
    const next = withTypedKey();
    if (!next) return;
    setWorkspaceKeys(next);
    setTypedKey(NO_TYPED_KEY);
    // Kept with the URL and the main key: the list shows it now, and says it waits for Save.
    setStatus({
      tone: 'info',
      text: `Key for ${typedKey.workspace.trim()} added. Save connection to keep it.`,
    });
  }

  function removeKey(entry: Settings['workspaceKeys'][number]) {
    setWorkspaceKeys(workspaceKeys.filter((other) => other !== entry));
    setStatus({
      tone: 'info',
      text: `Key for ${entry.workspace} removed. Save connection to keep this change.`,
    });
  }

  async function test() {
    if (testing) return;
    const error = shownUrl.trim() ? convexUrlError(shownUrl) : 'Enter a Convex URL to test';
    setUrlError(error);
    if (error) {
      setStatus(null);
      return;
    }
    setTesting(true);
    setStatus({ tone: 'info', text: 'Testing the connection…' });
    try {
      // The main key, then each workspace's own key against its workspace: one line each.
      const checks: { accessKey: string; workspace?: string }[] = [
        { accessKey: accessKey.trim() },
        ...workspaceKeys.map((entry) => ({ accessKey: entry.accessKey, workspace: entry.workspace })),
      ];
      const results = [];
      for (const check of checks) {
        const result = await sendMessage('settings:test-connection', {
          convexUrl: shownUrl.trim(),
          ...check,
        });
        results.push({
          ...result,
          message: check.workspace ? `${check.workspace}: ${result.message}` : result.message,
        });
      }
      setStatus({
        tone: results.every((result) => result.ok) ? 'ok' : 'error',
        text: results.map((result) => result.message).join('\n'),
      });
    } catch (caught) {
      setStatus({ tone: 'error', text: errorText(caught) });
    } finally {
      setTesting(false);
    }
  }

  return (
    <Section id="convex" title="Convex backup">
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          label="Convex URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://happy-animal-123.convex.cloud"
          value={shownUrl}
          onChange={(next) => {
            setUrl(next);
            setStatus(null);
          }}
          error={urlError}
          managed={urlLocked}
          help={
            <>
              Leave empty to keep backups on this device only. To back up to Convex, deploy the backend with{' '}
              <code>npx convex deploy</code> and paste the deployment URL it prints.
            </>
          }
        />
        <AccessKeyField
          value={accessKey}
          onChange={(next) => {
            setAccessKey(next);
            setStatus(null);
          }}
          help={
            <>
              Create a key with <code>{KEY_COMMAND}</code>. It is kept on this device only, never synced.
            </>
          }
        />
        <WorkspaceKeysField
          value={workspaceKeys}
          typed={typedKey}
          onType={(next) => {
            setTypedKey(next);
            setKeyError(null);
          }}
          error={keyError}
          onAdd={addKey}
          onRemove={removeKey}
        />
        <div className="actions">
          <button type="submit" className="primary">
            Save connection
          </button>
          {/* aria-disabled rather than disabled while it tests: a disabled button would drop the focus. */}
          <button type="button" onClick={() => void test()} aria-disabled={testing}>
            Test connection
          </button>
        </div>
        <StatusMessage status={status} />
      </form>
    </Section>
  );
}
