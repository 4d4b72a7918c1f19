import { useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';
import { focusLost } from '../focus-lost';

/**
 * For a list whose items remove themselves (their Remove buttons): when the item that had the focus is gone and
 * took the focus with it, the focus goes to `target` of the item now in its place (or the last one), or to
 * `fallback()` once the list is empty, rather than to the page's body, from where the next Tab would start again
 * at the top of the page.
 *
 * `keys` are the items' keys in the order of `list`'s children. Returns the focus handler to put on `list`.
 */
export function useFocusAfterRemoval(
  keys: string[],
  list: RefObject<HTMLElement | null>,
  target: (item: Element) => HTMLElement | null,
  fallback: () => HTMLElement | null | undefined,
): (event: FocusEvent<HTMLElement>) => void {
  /** The key and index of the item the focus was last in. */
  const focused = useRef<{ key: string; index: number } | null>(null);
  const signature = keys.join('\n');
  // A layout effect: the focus moves in the commit that removed the item, before anything else can take it.
  useLayoutEffect(() => {
    const last = focused.current;
    if (!last || keys.includes(last.key)) return;
    focused.current = null;
    if (!focusLost()) return;
    const item = list.current?.children[Math.min(last.index, keys.length - 1)];
    (item ? target(item) : fallback())?.focus();
    // Only a change of the items can take the focused one away; the callbacks are read when it happens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return (event) => {
    const items = [...(list.current?.children ?? [])];
    const index = items.findIndex((item) => item.contains(event.target as Node));
    const key = keys[index];
    focused.current = key === undefined ? null : { key, index };
  };
}
