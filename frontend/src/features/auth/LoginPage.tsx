import { IonButton, useIonRouter } from '@ionic/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { TextField } from '@/components/TextField';
import { useT } from '@/lib/i18n';
import { useLogin } from './api/login';
import { AuthCard } from './AuthLayout';
import { splitErrors } from './use-field-errors';

export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/markets';
}

export function LoginPage() {
  const t = useT();
  const router = useIonRouter();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const { fields, form } = splitErrors(login.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => router.push(nextPath(location.search), 'root', 'replace') },
    );
  };

  return (
    <>
      <PageHeader title={t('auth.login')} />
      <PageBody>
        <AuthCard title={t('auth.loginTitle')} subtitle={t('app.tagline')}>
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              error={fields.email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              error={fields.password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p className="-mt-1 mb-3 text-right text-sm">
              <Link className="pm-link" to="/forgot-password">
                {t('email.forgotLink')}
              </Link>
            </p>
            {form && (
              <p className="pm-field-error mb-2" role="alert">
                {form}
              </p>
            )}
            <IonButton type="submit" expand="block" disabled={login.isPending}>
              {login.isPending ? t('auth.loggingIn') : t('auth.login')}
            </IonButton>
          </form>
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
