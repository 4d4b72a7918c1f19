import { useState, type FormEvent } from 'react';
import { convexUrlError } from '@/lib/options/convex-url-error';
import { isLocked } from '@/lib/options/is-locked';
import { useDraft } from '@/lib/options/use-draft';
import { sendMessage } from '@/lib/messaging/send-message';
import { writeSettings, type Settings } from '@/lib/storage';
import { AccessKeyField } from './AccessKeyField';
import { Section } from './Section';
import { StatusMessage, type Status } from './StatusMessage';
import { TextField } from './TextField';
import { WorkspaceKeysField } from './WorkspaceKeysField';

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
    try {
      await writeSettings({
        ...(urlLocked ? {} : { convexUrl: url.trim() }),
        accessKey: accessKey.trim(),
        workspaceKeys,
      });
      setStatus({ tone: 'ok', text: 'Saved' });
    } catch (caught) {
      setStatus({ tone: 'error', text: `Not saved: ${errorText(caught)}` });
    }
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
          onChange={(next) => {
            setWorkspaceKeys(next);
            setStatus(null);
          }}
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
