import { useState, type ReactNode } from 'react';
import { TextField } from './TextField';

/** The Convex access key: a password input with a button that shows or hides it. */
export function AccessKeyField(props: { value: string; onChange(value: string): void; help: ReactNode }) {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      label="Access key"
      type={shown ? 'text' : 'password'}
      autoComplete="off"
      spellCheck={false}
      trailing={
        <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide key' : 'Show key'}
        </button>
      }
    />
  );
}
