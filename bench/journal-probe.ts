import type { Worker } from '@playwright/test';

/** When a backup became visible in the journal, as seen from the service worker (ms since the epoch). */
export interface Visible {
  id: string;
  visibleAt: number;
  capturedAt: number;
}

/**
 * Starts polling the journal from the service worker for a backup newer than the newest one now, and resolves once
 * the first look is done (so the save that follows cannot slip in before polling starts). Await with
 * `visibleBackup`. Each look reads one key of the capture-time index, not a count of the store: a count reads every
 * backup (4 ms at 10,000), and retention may remove one while a save adds one, so a count need not grow.
 */
export async function watchForBackup(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const open = indexedDB.open('savepoint-journal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const index = () => db.transaction('backups').objectStore('backups').index('by_workspace_and_capturedAt');
    const newestId = async () => (await ask(index().openKeyCursor(null, 'prev')))?.primaryKey;
    const before = await newestId();
    const poll = async () => {
      // (ms) at most a save may take to show up before the probe gives up.
      const deadline = Date.now() + 15_000;
      // A look each millisecond: looking without a pause queued so many transactions that the journal's own
      // waited behind them (its read of the section took 5.5 ms at the median, 2 ms between looks of a count).
      while ((await newestId()) === before) {
        if (Date.now() > deadline) throw new Error('no new backup within 15 s');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const visibleAt = Date.now();
      const cursor = await ask(index().openCursor(null, 'prev'));
      const record = cursor?.value as { id: string; capturedAt: number };
      db.close();
      return { id: record.id, visibleAt, capturedAt: record.capturedAt };
    };
    (globalThis as unknown as { benchVisible: Promise<unknown> }).benchVisible = poll();
  });
}

/** The backup `watchForBackup` saw appear. */
export function visibleBackup(worker: Worker): Promise<Visible> {
  return worker.evaluate(
    () => (globalThis as unknown as { benchVisible: Promise<Visible> }).benchVisible,
  ) as Promise<Visible>;
}

/** (ms since the epoch) when backup `id` was acknowledged by Convex (`syncedAt`), waiting for it. */
export function syncedAt(worker: Worker, id: string): Promise<number> {
  return worker.evaluate(async (backupId) => {
    const open = indexedDB.open('savepoint-journal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const deadline = Date.now() + 15_000;
    try {
      for (;;) {
        const request = db.transaction('backups').objectStore('backups').get(backupId);
        const record = await new Promise<{ outbox: string; syncedAt?: number; lastError?: string }>(
          (resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          },
        );
        if (record.outbox === 'synced' && record.syncedAt) return record.syncedAt;
        if (Date.now() > deadline) throw new Error(`not synced within 15 s (${record.lastError ?? ''})`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    } finally {
      db.close();
    }
  }, id);
}

/** How many backups and snapshot bodies the journal holds. */
export function journalCounts(worker: Worker): Promise<{ backups: number; bodies: number }> {
  return worker.evaluate(async () => {
    const open = indexedDB.open('savepoint-journal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const counts = { backups: await count('backups'), bodies: await count('bodies') };
    db.close();
    return counts;
  });
}

/** Empties the journal (both stores) in one transaction. */
export function clearJournal(worker: Worker): Promise<void> {
  return worker.evaluate(async () => {
    const open = indexedDB.open('savepoint-journal');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['backups', 'bodies'], 'readwrite');
    tx.objectStore('backups').clear();
    tx.objectStore('bodies').clear();
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}
