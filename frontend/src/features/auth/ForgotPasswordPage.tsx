import { IonButton } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';
import { useRequestPasswordReset } from './api/account-emails';
import { AuthCard } from './AuthLayout';
import { splitErrors } from './use-field-errors';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/;

/** "Forgot password?": asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const request = useRequestPasswordReset();
  const { form } = splitErrors(request.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    request.mutate({ email: address });
  };

  return (
    <>
      <PageHeader title={t('email.forgotTitle')} backHref="/login" />
      <PageBody>
        <AuthCard title={t('email.forgotTitle')}>
          {request.isSuccess ? (
            <p role="status" data-testid="reset-requested">
              {t('email.forgotSent', { email: request.variables?.email ?? email.trim() })}
            </p>
          ) : (
            <form onSubmit={submit} noValidate data-testid="forgot-form">
              <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
                {t('email.forgotIntro')}
              </p>
              <TextField
                label={t('auth.email')}
                name="email"
                type="email"
                autoComplete="email"
                required
                value={email}
                error={invalid ? t('auth.err.email') : undefined}
                onChange={(e) => setEmail(e.target.value)}
              />
              {form && (
                <p className="pm-field-error mb-2" role="alert">
                  {form}
                </p>
              )}
              <IonButton type="submit" expand="block" disabled={request.isPending}>
                {request.isPending ? t('email.forgotSending') : t('email.forgotSend')}
              </IonButton>
            </form>
          )}
          <p className="mt-4 text-center text-sm">
            <Link className="pm-link" to="/login">
              {t('email.backToLogin')}
            </Link>
          </p>
        </AuthCard>
      </PageBody>
    </>
  );
}
