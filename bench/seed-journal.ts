import type { Worker } from '@playwright/test';

/**
 * Replaces the journal with `count` synced backups of workspace `acme` sharing one snapshot body (shapes of
 * lib/journal/backup-record.ts and lib/journal/open-journal.ts). Synced, so the sync engine leaves them alone.
 */
export function seedJournal(worker: Worker, count: number): Promise<void> {
  return worker.evaluate(async (n) => {
    const open = indexedDB.open('savepoint-journal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const snapshot = {
      type: 'bot-names',
      title: 'Bot names',
      pageUrl: 'http://127.0.0.1/acme/settings',
      fields: [
        { key: 'primaryName', label: 'Primary bot name', value: 'Seeded', locator: { inputType: 'text' } },
      ],
      trigger: { kind: 'fetch' },
      leftOut: [],
    };
    const data = JSON.stringify(snapshot);
    const hash = 'bench-seeded-body';
    const tx = db.transaction(['backups', 'bodies'], 'readwrite');
    tx.objectStore('backups').clear();
    tx.objectStore('bodies').clear();
    tx.objectStore('bodies').put({ hash, data });
    // (ms) between seeded backups: one a minute, newest now.
    const now = Date.now();
    for (let i = 0; i < n; i += 1) {
      tx.objectStore('backups').put({
        id: `bench-${i}`,
        workspace: 'acme',
        type: 'bot-names',
        title: 'Bot names',
        capturedAt: now - (n - i) * 60_000,
        source: 'auto',
        device: 'bench',
        contentHash: hash,
        size: data.length,
        pinned: false,
        changedFields: i === 0 ? null : 1,
        leftOut: [],
        outbox: 'synced',
        attempts: 0,
        nextAttemptAt: 0,
        serverId: `server-${i}`,
        syncedAt: now,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}
