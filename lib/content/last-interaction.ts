import { SECOND } from '../time';

/** (ms) how long after a click or key press a save request is still attributed to that control. */
export const INTERACTION_WINDOW = 10 * SECOND;

/** Remembers the control the user last clicked or pressed Enter in, to attribute a following save to its section. */
export function createLastInteraction(now: () => number = Date.now) {
  let last: { element: Element; at: number } | null = null;
  return {
    note(target: EventTarget | null) {
      if (target instanceof Element) last = { element: target, at: now() };
    },
    /** The control, if it was used recently and is still in the page. */
    recent(): Element | null {
      if (!last || now() - last.at > INTERACTION_WINDOW || !last.element.isConnected) return null;
      return last.element;
    },
  };
}
