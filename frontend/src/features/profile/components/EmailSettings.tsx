import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { Section } from '@/components/Page';
import { TextField } from '@/components/TextField';
import { isApiError } from '@/lib/api-client';
import type { CurrentUser } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useRequestEmailChange } from '../api/change-email';

/** The account's address, whether it is confirmed, and a change confirmed from the new address. */
export function EmailSettings({ user }: { user: CurrentUser }) {
  const t = useT();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const change = useRequestEmailChange();
  const error = change.error;
  const fieldError = (field: string) => (isApiError(error) ? error.fieldMessage(field) : undefined);
  const formError =
    error && !fieldError('new_email') && !fieldError('password') ? error.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ new_email: newEmail.trim(), password }, { onSuccess: () => setPassword('') });
  };

  return (
    <Section title={t('email.changeTitle')}>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="break-all">{t('email.current', { email: user.email })}</span>
        <span
          data-testid="email-status"
          className={
            user.email_verified
              ? 'rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800 dark:bg-green-950 dark:text-green-200'
              : 'rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-100'
          }
        >
          {user.email_verified ? t('email.verifiedBadge') : t('email.unverifiedBadge')}
        </span>
      </p>
      {change.isSuccess ? (
        <p role="status" data-testid="email-change-sent">
          {t('email.changeSent', { email: change.data.pending_email })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('email.changeNew')}
            name="new_email"
            type="email"
            autoComplete="email"
            value={newEmail}
            error={fieldError('new_email')}
            onChange={(e) => setNewEmail(e.target.value)}
          />
          <TextField
            label={t('email.changePassword')}
            name="current_password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.target.value)}
          />
          {formError && (
            <p className="pm-field-error mb-2" role="alert">
              {formError}
            </p>
          )}
          <IonButton
            type="submit"
            fill="outline"
            disabled={change.isPending || !newEmail.trim() || !password}
          >
            {change.isPending ? t('email.changeSending') : t('email.changeSend')}
          </IonButton>
        </form>
      )}
    </Section>
  );
}
