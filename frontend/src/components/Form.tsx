import { IonButton } from '@ionic/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';

/**
 * A form's text values and the errors of the call it sends: `field(name)` gives a TextField its value,
 * onChange and the server's message for that field; `formError` is the first message that none of the
 * form's fields shows (a field-less error such as wrong credentials, or a network failure).
 */
export function useForm<V extends Record<string, string>>(initial: V, error: unknown) {
  const [values, setValues] = useState(initial);
  const fieldErrors: Partial<Record<string, string>> = {};
  let formError: string | undefined;
  if (isApiError(error)) {
    for (const e of error.errors) {
      if (e.field && e.field in initial) fieldErrors[e.field] ??= e.message;
      else formError ??= e.message;
    }
  } else if (error) {
    formError = error instanceof Error ? error.message : String(error);
  }
  const field = (name: keyof V & string) => ({
    value: values[name],
    error: fieldErrors[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { values, setValues, field, fieldErrors, formError };
}

interface FormProps {
  /** Called on submit (the browser's own submission and validation are off). */
  onSubmit: () => void;
  /** While the call is under way the button is disabled and says `busyLabel`. */
  busy: boolean;
  label: string;
  busyLabel: string;
  /** The form-level message, shown above the button as an alert. */
  error?: string;
  disabled?: boolean;
  /** An outlined button as wide as its label (a form inside a page section); else a full-width one. */
  outlined?: boolean;
  'data-testid'?: string;
  children: ReactNode;
}

/** The frame of our forms: the fields, the form-level error, and a submit button that shows it is busy. */
export function Form({
  onSubmit,
  busy,
  label,
  busyLabel,
  error,
  disabled,
  outlined,
  children,
  ...rest
}: FormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid={rest['data-testid']}>
      {children}
      {error && (
        <p className="pm-field-error mb-2" role="alert">
          {error}
        </p>
      )}
      <IonButton
        type="submit"
        expand={outlined ? undefined : 'block'}
        fill={outlined ? 'outline' : undefined}
        disabled={busy || disabled}
      >
        {busy ? busyLabel : label}
      </IonButton>
    </form>
  );
}
