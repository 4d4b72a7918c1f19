import { useState, type FormEvent } from 'react';
import { isLocked } from '@/lib/options/is-locked';
import { parseRetention, RETENTION_LIMITS } from '@/lib/options/parse-retention';
import { useDraft } from '@/lib/options/use-draft';
import { writeSettings, type Settings } from '@/lib/storage';
import { Section } from './Section';
import { StatusMessage, type Status } from './StatusMessage';
import { TextField } from './TextField';
import { WorkspaceRetentionForm } from './WorkspaceRetentionForm';

/** How many backups are kept per dashboard section before the oldest are pruned. */
export function RetentionSection({ settings }: { settings: Settings }) {
  const locked = isLocked(settings, 'retentionPerSection');
  const [text, setText] = useDraft(String(settings.retentionPerSection));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseRetention(text);
    setError('error' in parsed ? parsed.error : null);
    if ('error' in parsed) {
      setStatus(null);
      return;
    }
    await writeSettings({ retentionPerSection: parsed.value });
    setStatus({ tone: 'ok', text: 'Saved' });
  }

  return (
    <Section id="retention" title="Retention">
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          label="Backups kept per section"
          type="number"
          inputMode="numeric"
          min={RETENTION_LIMITS.min}
          max={RETENTION_LIMITS.max}
          step={1}
          className="narrow"
          value={locked ? String(settings.retentionPerSection) : text}
          onChange={(next) => {
            setText(next);
            setStatus(null);
          }}
          error={error}
          managed={locked}
          help="Pinned backups are always kept, and so is the newest from before an hour, a day and a week ago; backups not yet in Convex are never pruned. From 100 on, up to 1 % more are kept between two prunes."
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={locked}>
            Save retention
          </button>
        </div>
        <StatusMessage status={status} />
      </form>
      <WorkspaceRetentionForm />
    </Section>
  );
}
