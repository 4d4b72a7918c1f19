import { digestSecretFields } from '../../capture/digest-secret-fields';
import type { RawField } from '../../capture/snapshot-draft';
import { readFields } from '../dom/read-fields';

/**
 * Each section's fields as the page loaded them or last saved them: what the dashboard holds, as far as this page
 * knows. A field that differs from it now is an edit typed here and not saved; one that differs only from this
 * browser's newest backup was saved elsewhere (a teammate) and is shown as the dashboard holds it.
 */
export interface Baselines {
  /**
   * Unless `container` has a baseline: `fields` (just read), else its fields read now. Call it before the page can
   * have been edited there.
   */
  take(container: Element, fields?: RawField[]): void;
  /**
   * A field of `container` takes the focus: its fields read now become its baseline, unless the user has edited it
   * since its last save (`edited`). Values the page's script filled in after it settled (an answer that came late)
   * are what the dashboard holds, not edits.
   */
  focused(container: Element): void;
  /** A field of `container` changed by an input or change event (an edit): its baseline stays until it saves. */
  edited(container: Element): void;
  /** `container` was just saved with `fields`: they are what the dashboard holds now. */
  saved(container: Element, fields: RawField[]): void;
  /** The baseline of `container`, if one was taken. */
  of(container: Element): Promise<RawField[]> | undefined;
}

/**
 * `unknown(container)`: true when the page cannot say what the dashboard holds there (a form the server sent back
 * refused shows what was typed; a page this script was given long after it loaded may have been edited already):
 * such a container gets a baseline only from a save.
 */
export function createBaselines(unknown: (container: Element) => boolean = () => false): Baselines {
  const taken = new WeakMap<Element, Promise<RawField[]>>();
  const touched = new WeakSet<Element>();
  const baselines: Baselines = {
    take(container, fields) {
      if (taken.has(container) || unknown(container)) return;
      // The values are read at once (readFields is synchronous); only secrets' digests are awaited.
      taken.set(container, fields ? Promise.resolve(fields) : digestSecretFields(readFields(container)));
    },
    focused(container) {
      if (!touched.has(container)) taken.delete(container);
      baselines.take(container);
    },
    edited: (container) => void touched.add(container),
    saved(container, fields) {
      touched.delete(container);
      taken.set(container, Promise.resolve(fields));
    },
    of: (container) => taken.get(container),
  };
  return baselines;
}
