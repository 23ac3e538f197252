import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string;
  hint?: string;
  multiline?: false;
}

/** Labelled input with its error shown underneath (linked by aria-describedby). */
export function TextField({ label, error, hint, className = '', ...input }: Props) {
  const id = useId();
  const describedBy = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`mb-3 ${className}`}>
      <label className="pm-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="pm-input"
        aria-invalid={!!error}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p id={`${id}-err`} className="pm-field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
