/** One accepted save, as `GET /_test/saves` lists it. */
export interface SaveRecord {
  workspace: string;
  section: string;
  /** How the page sent it: `fetch`, `XMLHttpRequest` (marked by `X-Requested-With`) or a classic form post. */
  via: 'fetch' | 'xhr' | 'form';
  method: string;
  /** Request path, e.g. `/api/workspaces/acme/settings/brain` or `/acme/settings/intern`. */
  path: string;
  /** The parsed body as received (form bodies as objects of strings), or null when there was none. */
  body: unknown;
  /** (ms since the epoch) when the save was accepted. */
  at: number;
}

/** Knobs the end-to-end tests turn: forced failures, slow saves and the log of accepted saves. */
export interface TestControls {
  /** Makes the next `count` saves fail with `status` and change nothing; replaces any pending rejections. */
  rejectNext(count: number, status: number): void;
  /** Uses up one pending rejection and returns its status, or undefined when none is pending. */
  takeRejection(): number | undefined;
  /** (ms) delay applied before every save is handled. */
  delayMs: number;
  /**
   * Field names every save is accepted with and does not store: the server keeps their old value without a word,
   * as one does with a setting the plan locks or a value it ignores.
   */
  locked: Set<string>;
  record(save: SaveRecord): void;
  saves(): readonly SaveRecord[];
  reset(): void;
}

/** Creates the controls of one server instance. */
export function createTestControls(): TestControls {
  let rejections: number[] = [];
  let saves: SaveRecord[] = [];
  return {
    delayMs: 0,
    locked: new Set(),
    rejectNext(count, status) {
      rejections = Array.from({ length: count }, () => status);
    },
    takeRejection: () => rejections.shift(),
    record(save) {
      saves.push(save);
    },
    saves: () => saves,
    reset() {
      rejections = [];
      saves = [];
      this.delayMs = 0;
      this.locked.clear();
    },
  };
}
