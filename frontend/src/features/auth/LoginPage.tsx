import { useIonRouter } from '@ionic/react';
import { Link, useLocation } from 'react-router-dom';
import { Form, useForm } from '@/components/Form';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';
import { useLogin } from './api/login';
import { AuthCard } from './AuthLayout';

export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/markets';
}

export function LoginPage() {
  const t = useT();
  const router = useIonRouter();
  const location = useLocation();
  const login = useLogin();
  const form = useForm({ email: '', password: '' }, login.error);

  const submit = () => {
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password },
      { onSuccess: () => router.push(nextPath(location.search), 'root', 'replace') },
    );
  };

  return (
    <>
      <PageHeader title={t('auth.login')} />
      <PageBody>
        <AuthCard title={t('auth.loginTitle')} subtitle={t('app.tagline')}>
          <Form
            onSubmit={submit}
            busy={login.isPending}
            label={t('auth.login')}
            busyLabel={t('auth.loggingIn')}
            error={form.formError}
          >
            <TextField
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              {...form.field('email')}
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              {...form.field('password')}
            />
            <p className="-mt-1 mb-3 text-right text-sm">
              <Link className="pm-link" to="/forgot-password">
                {t('email.forgotLink')}
              </Link>
            </p>
          </Form>
          <p className="mt-4 text-center text-sm">
            {t('auth.noAccount')}{' '}
            <Link className="pm-link" to={`/register${location.search}`}>
              {t('auth.register')}
            </Link>
          </p>
        </AuthCard>
      </PageBody>
    </>
  );
}
