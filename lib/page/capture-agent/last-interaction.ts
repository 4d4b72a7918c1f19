import { SECOND } from '../../time';

/** (ms) how long after a click or key press a save request is still attributed to that control. */
export const INTERACTION_WINDOW = 10 * SECOND;

/** Remembers the control the user last clicked or pressed Enter in, to attribute a following save to its section. */
export function createLastInteraction(now: () => number = Date.now) {
  let last: { element: Element; at: number } | null = null;
  return {
    note(target: EventTarget | null) {
      if (target instanceof Element) last = { element: target, at: now() };
    },
    /**
     * The control, if it was used recently, even if the page has removed it since: a tray or dialog that saves as
     * it closes (Node-RED's user settings) is gone from the page by the time its request goes out, and its
     * detached fields still label the save.
     */
    recent(): Element | null {
      if (!last || now() - last.at > INTERACTION_WINDOW) return null;
      return last.element;
    },
  };
}
