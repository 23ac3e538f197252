import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Form, useForm } from '@/components/Form';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';
import { useRequestPasswordReset } from './api/account-emails';
import { AuthCard } from './AuthLayout';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/;

/** "Forgot password?": asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  const [invalid, setInvalid] = useState(false);
  const request = useRequestPasswordReset();
  const form = useForm({ email: '' }, request.error);
  const email = form.values.email;

  const submit = () => {
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
            <Form
              onSubmit={submit}
              busy={request.isPending}
              label={t('email.forgotSend')}
              busyLabel={t('email.forgotSending')}
              error={form.formError}
              data-testid="forgot-form"
            >
              <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
                {t('email.forgotIntro')}
              </p>
              <TextField
                label={t('auth.email')}
                name="email"
                type="email"
                autoComplete="email"
                required
                {...form.field('email')}
                error={invalid ? t('auth.err.email') : undefined}
              />
            </Form>
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
