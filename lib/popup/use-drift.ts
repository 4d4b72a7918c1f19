import { useEffect, useState } from 'react';
import { driftItem, readDrift, type Drift } from '../storage';

/** What the dashboard page showed, compared with the latest backups, for one workspace; follows changes live. */
export function useDrift(workspace: string | null): Drift | null {
  const [all, setAll] = useState<Record<string, Drift>>({});
  useEffect(() => {
    const load = () => void readDrift().then(setAll);
    load();
    return driftItem.watch(load);
  }, []);
  const drift = workspace ? all[workspace] : undefined;
  return drift && drift.changed > 0 ? drift : null;
}
