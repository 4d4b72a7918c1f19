import { createSerialQueue } from '../create-serial-queue';
import { readHeld, writeHeld, type HeldBackup } from '../storage';

interface HoldDeps {
  read: () => Promise<HeldBackup[]>;
  write: (list: HeldBackup[]) => Promise<void>;
}

/**
 * Where a backup waits when the journal is full: `storage.local`, which the IndexedDB quota does not cover, and
 * this worker's memory when even that refuses (the disk itself is full), so a save is never dropped in silence.
 */
export function createBackupHold(deps: HoldDeps = { read: readHeld, write: writeHeld }) {
  let inMemory: HeldBackup[] = [];
  // Every change reads the list and writes it back: one at a time, or two saves at once could lose one.
  const serial = createSerialQueue();

  async function list(): Promise<HeldBackup[]> {
    const stored = await deps.read().catch(() => [] as HeldBackup[]);
    const ids = new Set(stored.map((entry) => entry.id));
    return [...stored, ...inMemory.filter((entry) => !ids.has(entry.id))].sort(
      (a, b) => a.capturedAt - b.capturedAt,
    );
  }

  async function save(next: HeldBackup[]): Promise<void> {
    try {
      await deps.write(next);
      inMemory = [];
    } catch (error) {
      inMemory = next;
      console.error('Savepoint: storage is full, a backup is held in memory only', error);
    }
  }

  return {
    list,

    /** Holds a backup unless it repeats the last held one of its section (an automatic save of equal content). */
    add: (entry: HeldBackup): Promise<boolean> =>
      serial(async () => {
        const all = await list();
        const last = all
          .filter((e) => e.workspace === entry.workspace && e.snapshot.type === entry.snapshot.type)
          .at(-1);
        if (all.some((e) => e.id === entry.id)) return false;
        if (last && last.contentHash === entry.contentHash && entry.source === 'auto') return false;
        await save([...all, entry]);
        return true;
      }),

    /** The newest held backup of a section, if any: new saves of that section queue behind it. */
    async latestOf(workspace: string, type: string): Promise<HeldBackup | undefined> {
      return (await list()).filter((e) => e.workspace === workspace && e.snapshot.type === type).at(-1);
    },

    remove: (id: string): Promise<void> =>
      serial(async () => save((await list()).filter((entry) => entry.id !== id))),

    markPushed: (id: string, at: number): Promise<void> =>
      serial(async () =>
        save((await list()).map((entry) => (entry.id === id ? { ...entry, pushedAt: at } : entry))),
      ),
  };
}

export type BackupHold = ReturnType<typeof createBackupHold>;
