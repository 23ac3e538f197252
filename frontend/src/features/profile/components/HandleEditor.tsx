import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/TextField';
import { isApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useChangeHandle } from '../api/change-handle';

const HANDLE = /^[a-zA-Z0-9_]{3,20}$/;

/** The caller's handle with a small form to change it (the server allows one change a month). */
export function HandleEditor({ handle }: { handle: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(handle);
  const [submitted, setSubmitted] = useState(false);
  const change = useChangeHandle();
  const trimmed = value.trim();
  const localError = submitted && !HANDLE.test(trimmed) ? t('social.err.handle') : undefined;
  const serverError = isApiError(change.error) ? change.error.errors[0]?.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!HANDLE.test(trimmed)) return;
    change.mutate(trimmed, {
      onSuccess: () => {
        setEditing(false);
        setSubmitted(false);
      },
    });
  };

  if (!editing) {
    return (
      <div className="mt-2 flex items-center gap-2 text-sm">
        <span data-testid="my-handle">@{handle}</span>
        <IonButton
          size="small"
          fill="clear"
          onClick={() => {
            setValue(handle);
            change.reset();
            setEditing(true);
          }}
        >
          {t('social.changeHandle')}
        </IonButton>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="mt-2">
      <TextField
        label={t('social.handle')}
        name="handle"
        autoCapitalize="none"
        maxLength={20}
        value={value}
        hint={t('social.handleOnceAMonth')}
        error={localError ?? serverError}
        onChange={(e) => setValue(e.target.value)}
      />
      <div className="flex gap-2">
        <IonButton type="submit" size="small" disabled={change.isPending}>
          {t('social.saveHandle')}
        </IonButton>
        <IonButton size="small" fill="outline" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </IonButton>
      </div>
    </form>
  );
}
