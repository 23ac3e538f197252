import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { isApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useConfirmPasswordReset } from './api/account-emails';
import { AuthCard } from './AuthLayout';
import { isDeadLink, linkToken } from './link-token';
import { splitErrors } from './use-field-errors';

/** The page of a password reset link: choose the new password (the link works once, 30 minutes). */
export function ResetPasswordPage() {
  const t = useT();
  const location = useLocation();
  const token = linkToken(location.search);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ password?: string; repeat?: string }>({});
  const reset = useConfirmPasswordReset();
  const { fields, form } = splitErrors(reset.error);
  const dead = isApiError(reset.error) && isDeadLink(reset.error.code);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: { password?: string; repeat?: string } = {};
    if (password.length < 10) problems.password = t('auth.err.password');
    else if (password !== repeat) problems.repeat = t('email.err.mismatch');
    setLocal(problems);
    if (problems.password || problems.repeat || !token) return;
    reset.mutate({ token, password });
  };

  return (
    <>
      <PageHeader title={t('email.resetTitle')} />
      <PageBody>
        <AuthCard title={t('email.resetTitle')}>
          {!token ? (
            <DeadLink message={t('email.linkMissing')} />
          ) : reset.isSuccess ? (
            <div role="status" data-testid="password-reset-done">
              <p className="mb-4">{t('email.resetDone')}</p>
              <IonButton routerLink="/login" expand="block">
                {t('auth.login')}
              </IonButton>
            </div>
          ) : dead ? (
            <DeadLink message={form ?? ''} />
          ) : (
            <form onSubmit={submit} noValidate data-testid="reset-form">
              <TextField
                label={t('email.newPassword')}
                name="new-password"
                type="password"
                autoComplete="new-password"
                required
                value={password}
                hint={t('auth.passwordHint')}
                error={local.password ?? fields.password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <TextField
                label={t('email.repeatPassword')}
                name="repeat-password"
                type="password"
                autoComplete="new-password"
                required
                value={repeat}
                error={local.repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
              {form && (
                <p className="pm-field-error mb-2" role="alert">
                  {form}
                </p>
              )}
              <IonButton type="submit" expand="block" disabled={reset.isPending}>
                {reset.isPending ? t('email.resetSaving') : t('email.resetSave')}
              </IonButton>
            </form>
          )}
        </AuthCard>
      </PageBody>
    </>
  );
}

function DeadLink({ message }: { message: string }) {
  const t = useT();
  return (
    <div role="alert" data-testid="dead-link">
      <p className="mb-4">{message}</p>
      <Link className="pm-link" to="/forgot-password">
        {t('email.askNewLink')}
      </Link>
    </div>
  );
}
