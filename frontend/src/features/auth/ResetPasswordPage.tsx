import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Form, useForm } from '@/components/Form';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { isApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useConfirmPasswordReset } from './api/account-emails';
import { AuthCard } from './AuthLayout';
import { isDeadLink, linkToken } from './link-token';

/** The page of a password reset link: choose the new password (the link works once, 30 minutes). */
export function ResetPasswordPage() {
  const t = useT();
  const location = useLocation();
  const token = linkToken(location.search);
  const [local, setLocal] = useState<{ password?: string; repeat?: string }>({});
  const reset = useConfirmPasswordReset();
  const form = useForm({ password: '', repeat: '' }, reset.error);
  const { password, repeat } = form.values;
  const dead = isApiError(reset.error) && isDeadLink(reset.error.code);

  const submit = () => {
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
            <DeadLink message={form.formError ?? ''} />
          ) : (
            <Form
              onSubmit={submit}
              busy={reset.isPending}
              label={t('email.resetSave')}
              busyLabel={t('email.resetSaving')}
              error={form.formError}
              data-testid="reset-form"
            >
              <TextField
                label={t('email.newPassword')}
                name="new-password"
                type="password"
                autoComplete="new-password"
                required
                hint={t('auth.passwordHint')}
                {...form.field('password')}
                error={local.password ?? form.fieldErrors.password}
              />
              <TextField
                label={t('email.repeatPassword')}
                name="repeat-password"
                type="password"
                autoComplete="new-password"
                required
                {...form.field('repeat')}
                error={local.repeat}
              />
            </Form>
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
