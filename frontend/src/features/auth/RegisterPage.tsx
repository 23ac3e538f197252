import { useIonRouter } from '@ionic/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Form, useForm } from '@/components/Form';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';
import { useRegister } from './api/register';
import { AuthCard } from './AuthLayout';
import { nextPath } from './LoginPage';
import { forgetReferral, referralCode, useInviter } from './referral';

/** The handle rule of the server: 3–20 of a-z, 0-9 and _ (any case; it is stored lower-cased). */
export const HANDLE_PATTERN = /^[a-zA-Z0-9_]{3,20}$/;

export function validateRegistration(v: {
  email: string;
  password: string;
  display_name: string;
  handle?: string;
}) {
  const errors: Partial<
    Record<
      'email' | 'password' | 'display_name' | 'handle',
      'auth.err.email' | 'auth.err.password' | 'auth.err.displayName' | 'social.err.handle'
    >
  > = {};
  const handle = v.handle?.trim() ?? '';
  if (handle && !HANDLE_PATTERN.test(handle)) errors.handle = 'social.err.handle';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'auth.err.email';
  if (v.password.length < 10) errors.password = 'auth.err.password';
  const name = v.display_name.trim();
  if (name.length < 2 || name.length > 40) errors.display_name = 'auth.err.displayName';
  return errors;
}

export function RegisterPage() {
  const t = useT();
  const router = useIonRouter();
  const location = useLocation();
  const [submitted, setSubmitted] = useState(false);
  const register = useRegister();
  const form = useForm({ email: '', password: '', display_name: '', handle: '' }, register.error);
  const values = form.values;
  const referral = referralCode(location.search);
  const inviter = useInviter(referral);
  const local = submitted ? validateRegistration(values) : {};
  /** A field's props, with our own check's message before the server's. */
  const field = (f: 'email' | 'password' | 'display_name' | 'handle') => {
    const key = local[f];
    return { ...form.field(f), error: key ? t(key) : form.fieldErrors[f] };
  };

  const submit = () => {
    setSubmitted(true);
    if (Object.keys(validateRegistration(values)).length > 0) return;
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        display_name: values.display_name.trim(),
        ...(values.handle.trim() ? { handle: values.handle.trim() } : {}),
        ...(referral ? { referral_code: referral } : {}),
      },
      {
        onSuccess: () => {
          forgetReferral();
          router.push(nextPath(location.search), 'root', 'replace');
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('auth.register')} />
      <PageBody>
        <AuthCard title={t('auth.registerTitle')} subtitle={t('auth.signupBonus')}>
          {inviter.data && (
            <p
              className="mb-4 rounded-xl bg-blue-50 p-3 text-sm dark:bg-blue-950/40"
              data-testid="invited-by"
            >
              {t('social.invitedBy', {
                name: inviter.data.display_name,
                handle: inviter.data.handle,
              })}
            </p>
          )}
          <Form
            onSubmit={submit}
            busy={register.isPending}
            label={t('auth.register')}
            busyLabel={t('auth.registering')}
            error={form.formError}
          >
            <TextField
              label={t('auth.displayName')}
              name="display_name"
              autoComplete="nickname"
              required
              maxLength={40}
              {...field('display_name')}
            />
            <TextField
              label={t('social.handle')}
              name="handle"
              autoComplete="username"
              autoCapitalize="none"
              maxLength={20}
              hint={t('social.handleHint')}
              {...field('handle')}
            />
            <TextField
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              {...field('email')}
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              hint={t('auth.passwordHint')}
              {...field('password')}
            />
          </Form>
          <p className="mt-4 text-center text-sm">
            {t('auth.haveAccount')}{' '}
            <Link className="pm-link" to={`/login${location.search}`}>
              {t('auth.login')}
            </Link>
          </p>
          <p className="mt-3 text-center text-xs text-zinc-500">{t('app.playMoney')}</p>
        </AuthCard>
      </PageBody>
    </>
  );
}
