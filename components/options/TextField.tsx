import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { ManagedBadge } from './ManagedBadge';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby'
>;

interface TextFieldProps extends InputProps {
  /** The input itself, e.g. to give it the focus back after its form is sent. */
  ref?: Ref<HTMLInputElement>;
  label: string;
  value: string;
  onChange(value: string): void;
  help?: ReactNode;
  error?: string | null;
  /** Locked by the managed policy: shown disabled with a badge saying why. */
  managed?: boolean;
  /** A control shown after the input, e.g. a show/hide button. */
  trailing?: ReactNode;
}

/** A labelled input with its help text and, right below it, its error in an alert. */
export function TextField({
  label,
  value,
  onChange,
  help,
  error,
  managed,
  trailing,
  ...input
}: TextFieldProps) {
  const id = useId();
  const described = [managed && `${id}-managed`, error && `${id}-error`, help && `${id}-help`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {managed ? <ManagedBadge id={`${id}-managed`} /> : null}
      </div>
      <div className="field-control">
        <input
          {...input}
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={managed || input.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        />
        {trailing}
      </div>
      {error ? (
        <p role="alert" id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
    </div>
  );
}
