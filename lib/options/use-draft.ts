import { useState } from 'react';

/**
 * Local edit state seeded from a stored value and reset whenever that value changes in storage (e.g. a managed
 * policy arrives), while unrelated storage changes leave the user's typing alone.
 */
export function useDraft<T>(stored: T): [T, (next: T) => void] {
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  // Adjusting state while rendering is React's documented way to reset state when a prop changes.
  if (!Object.is(seen, stored)) {
    setSeen(stored);
    setDraft(stored);
  }
  return [draft, setDraft];
}
